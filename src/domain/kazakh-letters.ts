/**
 * Kazakh letters and the Russian letters people type in their place on a keyboard without
 * Kazakh layout. Used to forgive answers and to match crisis phrases however they are typed.
 */
export const KAZAKH_LOOKALIKES: Readonly<Record<string, string>> = {
  ә: "а",
  ғ: "г",
  қ: "к",
  ң: "н",
  ө: "о",
  ұ: "у",
  ү: "у",
  һ: "х",
  і: "и",
};

/**
 * How a person meant to write something, letters kept as typed: lower case, ё→е, a Latin "i"
 * (phones without a Kazakh layout often give it for "і") read as "і", punctuation dropped,
 * spaces collapsed.
 */
export function normalizeKazakh(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFC")
    .replace(/ё/g, "е")
    .replace(/i/g, "і")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** normalizeKazakh, then Kazakh letters folded to their look-alikes: equal for "сәлем" and "салем". */
export function foldKazakh(text: string): string {
  return normalizeKazakh(text).replace(/[әғқңөұүһі]/g, (ch) => KAZAKH_LOOKALIKES[ch] ?? ch);
}
