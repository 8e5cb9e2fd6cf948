/**
 * The language a complaint is written in: Chinese when there are at least a fifth as many CJK ideographs as Latin
 * letters (one ideograph carries about as much as a short English word, so a Chinese text with a few English
 * product names still counts as Chinese).
 */
export function detectTextLanguage(text: string): 'zh' | 'en' {
  const han = (text.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  if (han === 0) return 'en';
  return han * 5 >= latin ? 'zh' : 'en';
}
