/** Chinese when at least a fifth of the letters are CJK ideographs; mixed texts with much Chinese count as Chinese. */
export function detectTextLanguage(text: string): 'zh' | 'en' {
  const han = (text.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  if (han === 0) return 'en';
  return han * 5 >= latin ? 'zh' : 'en';
}
