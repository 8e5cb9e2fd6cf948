/**
 * Traditional -> simplified Chinese, one character to one character, for the words complaints about banks use:
 * accounts, cards, money, fraud, service, systems, products, regulators, people. Matching runs on simplified text,
 * so a dictionary written in either script matches a complaint written in either script.
 *
 * Kept as pairs in a string (traditional first) so the table stays compact and easy to extend. Only
 * unambiguous mappings are listed; where one traditional character has two simplified readings the banking one is
 * used (帳 -> 账 as in 帳戶, not 帐 as in a tent).
 */
const PAIRS = [
  // accounts, cards, money, payments
  '賬账帳账戶户號号碼码轉转匯汇滙汇彙汇銀银錢钱幣币鈔钞額额餘余貸贷還还償偿賠赔費费價价資资產产貨货',
  '購购買买賣卖贖赎虧亏損损淨净漲涨稅税繳缴納纳帳账單单筆笔據据簽签約约條条紀纪錄录歸归鎊镑',
  '凍冻結结鎖锁掛挂補补辦办開开關关銷销換换舊旧領领櫃柜臺台檯台網网點点處处續续務务員员',
  // fraud, security, privacy
  '詐诈騙骗盜盗竊窃擾扰騷骚釣钓魚鱼洩泄個个隱隐電电話话簡简訊讯證证驗验認认險险護护',
  '碼码誘诱違违規规監监舉举報报僞伪偽伪異异竄窜贓赃鑑鉴鑒鉴',
  // service, attitude, efficiency, process
  '態态惡恶罵骂兇凶輕轻視视誤误導导強强脅胁嚇吓諉诿緩缓遲迟隊队長长時时間间鐘钟週周',
  '複复雜杂請请問问諮咨詢询說说讓让給给過过應应該该發发髮发經经與与為为們们這这麼么沒没來来對对',
  '頁页統统錯错無无閃闪載载斷断連连線线綫线顯显當当機机頓顿響响聽听撥拨專专級级負负責责聯联繫系係系',
  '準准確确壞坏預预諾诺擔担細细則则瞞瞒營营體体記记師师訴诉訟讼調调會会權权協协議议覽览',
  // people, vulnerability
  '殘残聾聋啞哑齡龄醫医療疗歲岁親亲媽妈爺爷孫孙兒儿婦妇徵征臨临盡尽',
  // frequent function words and verbs in complaint narratives
  '後后從从麼么裡里裏里嗎吗們们實实際际現现覺觉愛爱讀读寫写聽听見见題题樣样種种總总幾几萬万億亿',
  '東东車车門门內内學学書书華华國国區区縣县鄉乡場场業业產产傳传達达進进運运選选邊边遠远辭辞',
  '劃划則则剛刚創创別别動动勞劳勢势卻却廠厂歷历厲厉壓压參参變变雙双葉叶嘆叹團团圍围圖图園园',
  '壇坛夠够夢梦頭头奪夺獎奖婁娄孫孙寧宁寶宝審审寬宽將将爾尔層层屬属島岛帶带幫帮幹干廣广慶庆',
  '廢废張张彈弹徑径徹彻憶忆憂忧懷怀總总戀恋懇恳憤愤願愿戰战擴扩掃扫揚扬撫抚搶抢擬拟擁拥擇择',
  '揮挥撈捞撿捡據据擺摆搖摇攤摊敵敌數数鬥斗斬斩斷断時时曉晓暫暂暢畅術术機机殺杀權权條条極极',
  '構构標标樹树樣样檔档橋桥檢检樓楼橫横歡欢歐欧殘残毀毁畢毕氣气漢汉湯汤溝沟沒没淚泪潑泼澤泽',
  '潔洁測测濃浓濤涛潤润漲涨淵渊漸渐溫温灣湾濕湿潰溃滯滞滅灭燈灯靈灵災灾爛烂煙烟煩烦燒烧熱热',
  '獨独獄狱獲获環环現现畫画療疗癢痒瘋疯盤盘睜睁礙碍禮礼禍祸離离種种積积稱称穩稳窮穷競竞築筑',
  '簡简籌筹類类糧粮糾纠紅红純纯紙纸紛纷組组終终絕绝給给絡络綁绑維维綜综緒绪編编練练縮缩織织',
  '罰罚羅罗聲声職职聞闻肅肃腦脑膽胆臉脸藝艺節节範范藥药蘇苏蟲虫補补製制裝装規规覺觉觀观觸触',
  '計计訂订討讨訓训託托記记講讲許许論论設设訪访評评識识詞词試试誠诚詳详誰谁談谈謀谋謊谎謝谢',
  '謹谨貝贝負负財财責责貪贪貧贫貴贵貿贸賀贺賊贼賞赏賭赌賴赖賺赚贈赠贏赢趕赶趨趋躍跃車车軟软',
  '輪轮輕轻較较輔辅輸输邊边遲迟適适選选遺遗遙遥鄰邻醜丑釋释針针鈕钮銅铜鋪铺鋼钢錦锦鍵键鏡镜',
  '鐵铁鑰钥門门閉闭閒闲閱阅闊阔陽阳陰阴階阶陸陆陳陈隨随隱隐雖虽難难霧雾靜静頂顶項项順顺須须',
  '預预頑顽頓顿頻频顆颗額额顏颜顧顾風风飛飞飯饭館馆餓饿馬马駐驻駕驾驚惊驅驱驕骄鬆松鬧闹魚鱼',
  '鮮鲜鳥鸟麥麦黃黄齊齐齒齿龍龙龜龟擋挡衝冲鬱郁颱台佈布僱雇傢家隻只麵面緊紧虛虚屆届啟启噁恶',
].join('');

function buildTable(pairs: string): ReadonlyMap<string, string> {
  const chars = Array.from(pairs);
  const table = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) {
    table.set(chars[i], chars[i + 1]);
  }
  return table;
}

export const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<string, string> = buildTable(PAIRS);
