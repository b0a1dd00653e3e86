import { KK } from "./crisis/kk.js";
import { PhraseMatcher } from "./crisis/phrase-matcher.js";
import { RU } from "./crisis/ru.js";

/**
 * Both books at once: people switch languages mid-sentence and type Kazakh and Russian alike in
 * Latin letters, so a message is never sorted by language first.
 */
const matcher = new PhraseMatcher([RU, KK]);

/**
 * True when the text signals thoughts of suicide, self-harm, or violence against the writer. A
 * false alarm only shows the help lines; a miss can cost a life; everyday speech ("убить время",
 * "өлердей шаршадым") stays quiet.
 */
export function signalsCrisis(text: string): boolean {
  return matcher.holdsSignal(text);
}
