/** Opens the private chat of a person who has no username; Telegram allows it in buttons only. */
export function chatLink(userId: number): string {
  return `tg://user?id=${userId}`;
}
