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

/** Lower case, ё→е, Kazakh letters (and a Latin i) folded to their look-alikes, punctuation dropped, spaces collapsed. */
export function foldKazakh(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFC")
    .replace(/ё/g, "е")
    .replace(/[әғқңөұүһі]/g, (ch) => KAZAKH_LOOKALIKES[ch] ?? ch)
    // Phones without a Kazakh layout often give a Latin "i" for "і".
    .replace(/i/g, "и")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
