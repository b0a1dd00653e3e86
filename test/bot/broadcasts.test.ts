import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBroadcast, recordProgressMessage } from "../../src/db/broadcasts.js";
import type { Broadcast } from "../../src/db/schema.js";
import { TELEGRAM_SEND_LIMITS } from "../../src/scheduler/rate-limiter.js";
import { CENTER_ADMIN, CITY_ADMIN, createAdminHarness, type AdminHarness } from "../support/admins.js";
import { recorded, type HarnessUser } from "../support/harness.js";
import { insertCenter } from "../support/fixtures.js";
import { insertEvent } from "../support/events.js";
import { registerUser } from "../support/users.js";

const OTHER_CENTER_ADMIN = 902;
const NOBODY = 903;
const CENTER_A = "almaly-1";
const CENTER_B = "medeu-1";

let h: AdminHarness;

beforeEach(async () => {
  h = await createAdminHarness();
  await insertCenter(h.db, { id: CENTER_A, district: "almaly", name_ru: "Центр Алмалы", name_kk: "Алмалы орталығы" });
  await insertCenter(h.db, { id: CENTER_B, district: "medeu", name_ru: "Центр Медеу", name_kk: "Медеу орталығы" });
  await h.grantCenter(CENTER_ADMIN, CENTER_A);
  await h.grantCenter(OTHER_CENTER_ADMIN, CENTER_B);
  // Three in Almaly (two Kazakh, one Russian), one in Medeu.
  await registerUser(h.db, 1, { language: "kk", district: "almaly" });
  await registerUser(h.db, 2, { language: "ru", district: "almaly" });
  await registerUser(h.db, 3, { language: "kk", district: "almaly" });
  await registerUser(h.db, 4, { language: "ru", district: "medeu" });
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (key: string, vars?: Record<string, string | number>) => h.i18n.t("ru", key, vars);
const kk = (key: string, vars?: Record<string, string | number>) => h.i18n.t("kk", key, vars);

/** From /admin to the first question of a new broadcast. */
async function startNew(u: HarnessUser) {
  await u.send("/admin");
  await u.click(ru("admin-button-broadcasts"));
  return u.click(ru("broadcast-button-new"));
}

async function broadcasts(): Promise<Broadcast[]> {
  return h.db.selectFrom("broadcasts").selectAll().orderBy("id").execute();
}

describe("composing a broadcast", () => {
  it("refuses an empty text, a text too long for a message, and one too long for a photo's caption", async () => {
    const u = h.admin(CITY_ADMIN);
    expect(h.texts(await startNew(u))).toEqual([ru("broadcast-ask-photo")]);
    // Text where a photo is asked for.
    expect(h.texts(await u.send("привет"))).toEqual([ru("broadcast-photo-invalid")]);
    expect(h.texts(await u.click(ru("button-skip")))).toEqual([ru("broadcast-ask-text-kk", { max: 4096 })]);
    expect(h.texts(await u.send("   "))).toEqual([ru("broadcast-text-empty")]);
    expect(h.texts(await u.send("ә".repeat(4097)))).toEqual([ru("text-too-long", { max: 4096 })]);
    expect(h.texts(await u.send("ә".repeat(4096)))).toEqual([ru("broadcast-ask-text-ru", { max: 4096 })]);

    await u.send("/cancel");
    await startNew(u);
    expect(h.texts(await u.sendPhoto())).toEqual([ru("broadcast-ask-text-kk", { max: 1024 })]);
    expect(h.texts(await u.send("ә".repeat(1025)))).toEqual([ru("text-too-long", { max: 1024 })]);
    // Left out in Kazakh, the Russian text cannot be left out too.
    const ruPrompt = await u.click(ru("button-skip"));
    const shown = ruPrompt.filter((c) => c.method === "sendMessage" || c.method === "editMessageText");
    expect(shown.map((c) => [c.payload.text, c.payload.reply_markup])).toEqual([[ru("broadcast-ask-text-ru", { max: 1024 }), undefined]]);
    expect(h.texts(await u.press("bcn-text:skip"))).toEqual([ru("need-text"), ru("broadcast-ask-text-ru", { max: 1024 })]);
    expect(await broadcasts()).toEqual([]);
  });

  it("counts a district's people, shows the message as each language gets it, and sends it once confirmed", async () => {
    const eventId = await insertEvent(h.db, { startsAt: "2026-12-10T13:00:00Z", centerId: CENTER_A, title: "Концерт" });
    const u = h.admin(CITY_ADMIN);
    await startNew(u);
    await u.click(ru("button-skip"));
    await u.send("Сәлем & <қош келдіңіз>");
    await u.send("Привет");
    await u.click(ru("broadcast-button-to-event"));
    await u.click(/^Концерт · /);
    await u.click(ru("broadcast-segment-district"));
    const summary = await u.click(ru("district-almaly"));
    const minutes = 1;
    expect(h.texts(summary)).toEqual([
      recorded(ru("broadcast-ask-district"), ru("district-almaly")),
      ru("broadcast-summary", { segment: ru("broadcast-segment-district-of", { district: ru("district-almaly") }), count: 3, minutes, rate: TELEGRAM_SEND_LIMITS.perSecond }),
      "Сәлем &amp; &lt;қош келдіңіз&gt;",
      "Привет",
      ru("broadcast-ask-confirm", { count: 3 }),
    ]);
    const link = `https://t.me/${h.bot.botInfo.username}?start=event_${eventId}`;
    const previews = summary.filter((c) => c.method === "sendMessage").slice(1, 3);
    expect(previews.map((c) => c.payload.reply_markup.inline_keyboard.flat())).toEqual([
      [{ text: kk("broadcast-open-event"), url: link }],
      [{ text: ru("broadcast-open-event"), url: link }],
    ]);
    expect(await broadcasts()).toEqual([]);

    const sent = await u.click(ru("broadcast-button-send"));
    const [broadcast] = await broadcasts();
    expect(broadcast).toMatchObject({
      created_by: CITY_ADMIN,
      center_id: null,
      state: "sending",
      total: 3,
      text_kk: "Сәлем & <қош келдіңіз>",
      text_ru: "Привет",
      button_kind: "event",
      button_url: link,
    });
    expect(JSON.parse(broadcast!.segment)).toEqual({ kind: "district", district: "almaly" });
    const recipients = await h.db.selectFrom("broadcast_recipients").select("user_id").orderBy("user_id").execute();
    expect(recipients.map((r) => r.user_id)).toEqual([1, 2, 3]);
    // The progress message, remembered for its edits.
    const progress = sent.find((c) => c.method === "sendMessage" && String(c.payload.text).includes(ru("broadcast-state-sending")))!;
    expect(progress.payload.reply_markup.inline_keyboard.flat().map((b: { text: string }) => b.text)).toEqual([
      ru("broadcast-button-pause"),
      ru("broadcast-button-cancel"),
    ]);
    expect(broadcast!.progress_chat_id).toBe(CITY_ADMIN);
    expect(broadcast!.progress_message_id).not.toBeNull();
    const audit = await h.db.selectFrom("audit_log").select(["actor_id", "action"]).execute();
    expect(audit).toEqual([{ actor_id: CITY_ADMIN, action: "broadcast.send" }]);
  });

  it("previews a photo with its caption, once when only one language is given", async () => {
    const u = h.admin(CITY_ADMIN);
    await startNew(u);
    await u.sendPhoto();
    await u.click(ru("button-skip"));
    await u.send("Привет");
    await u.click(ru("broadcast-button-none"));
    const summary = await u.click(ru("broadcast-segment-everyone"));
    const previews = summary.filter((c) => c.method === "sendPhoto");
    expect(previews.map((c) => [c.payload.photo, c.payload.caption])).toEqual([["photo-1", "Привет"]]);
    await u.click(ru("broadcast-button-send"));
    expect((await broadcasts())[0]).toMatchObject({ photo_file_id: "photo-1", text_kk: null, text_ru: "Привет", total: 4 });
  });

  it("says nobody is reached instead of creating an empty broadcast", async () => {
    const u = h.admin(CITY_ADMIN);
    await startNew(u);
    await u.click(ru("button-skip"));
    await u.click(ru("button-skip"));
    await u.send("Привет");
    await u.click(ru("broadcast-button-none"));
    await u.click(ru("broadcast-segment-district"));
    const answer = await u.click(ru("district-turksib"));
    expect(h.texts(answer)).toEqual([recorded(ru("broadcast-ask-district"), ru("district-turksib")), ru("broadcast-nobody", { segment: ru("broadcast-segment-district-of", { district: ru("district-turksib") }) })]);
    expect(await broadcasts()).toEqual([]);
  });
});

describe("who may broadcast to whom", () => {
  it("lets a center administrator write to their centers' people only", async () => {
    // Person 4 booked in center A; person 1 signed up for an event in center B.
    const eventB = await insertEvent(h.db, { startsAt: "2026-12-10T13:00:00Z", centerId: CENTER_B });
    const at = "2026-12-01T05:00:00.000Z";
    await h.db.insertInto("event_signups").values({ event_id: eventB, user_id: 1, status: "confirmed", offer_expires_at: null, created_at: at, updated_at: at }).execute();
    const eventA = await insertEvent(h.db, { startsAt: "2026-12-11T13:00:00Z", centerId: CENTER_A });
    await h.db.insertInto("event_signups").values({ event_id: eventA, user_id: 4, status: "confirmed", offer_expires_at: null, created_at: at, updated_at: at }).execute();

    const u = h.admin(CENTER_ADMIN);
    await startNew(u);
    await u.click(ru("button-skip"));
    await u.click(ru("button-skip"));
    await u.send("Привет");
    await u.click(ru("broadcast-button-none"));
    // No choice of segment: straight to their centers, of which only their own.
    expect(u.buttons().map((b) => b.text)).toEqual(["Центр Алмалы"]);
    // Another center's people by a forged button: asked again, nothing counted.
    expect(h.texts(await u.press(`bcn-target:${CENTER_B}`))).toEqual([ru("need-button"), ru("broadcast-ask-segment-center")]);
    await u.click("Центр Алмалы");
    await u.click(ru("broadcast-button-send"));
    const [broadcast] = await broadcasts();
    expect(broadcast).toMatchObject({ center_id: CENTER_A, total: 1 });
    const recipients = await h.db.selectFrom("broadcast_recipients").select("user_id").execute();
    expect(recipients).toEqual([{ user_id: 4 }]);
  });

  it("refuses a broadcast's buttons to someone without the role and to another center's administrator, changing nothing", async () => {
    const broadcast = await createBroadcast(
      h.db,
      { id: CENTER_ADMIN, language: "ru", centerId: CENTER_A },
      { segment: { kind: "center", centerId: CENTER_A }, textKk: null, textRu: "Привет", photoFileId: null, button: null },
      h.clock.now(),
    );
    for (const id of [NOBODY, OTHER_CENTER_ADMIN]) {
      for (const data of [`adm:bc:pause:${broadcast.id}`, `adm:bc:cancel-yes:${broadcast.id}`, `adm:bc:show:${broadcast.id}`]) {
        const batch = await h.admin(id).press(data);
        expect(batch.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(ru("staff-not-allowed"));
      }
      expect(h.texts(await h.admin(id).press(broadcastNewData))).toEqual(id === NOBODY ? [ru("staff-not-allowed")] : [ru("broadcast-ask-photo")]);
      await h.admin(id).send("/cancel");
    }
    expect((await broadcasts())[0]!.state).toBe("sending");
    expect(await h.db.selectFrom("audit_log").select("action").execute()).toEqual([{ action: "broadcast.send" }]);
  });

  it("pauses, resumes and cancels from the progress message, each in the audit log, the message edited at once", async () => {
    const u = h.admin(CENTER_ADMIN);
    const broadcast = await createBroadcast(
      h.db,
      { id: CENTER_ADMIN, language: "ru", centerId: CENTER_A },
      { segment: { kind: "everyone" }, textKk: null, textRu: "Привет", photoFileId: null, button: null },
      h.clock.now(),
    );
    // The progress message as the flow sends it: shown again from the broadcasts' screen.
    await u.send("/admin");
    await u.click(ru("admin-button-broadcasts"));
    await u.click(ru("broadcast-button-show", { id: broadcast.id }));
    const [shown] = await broadcasts();
    expect(shown!.progress_chat_id).toBe(CENTER_ADMIN);

    const paused = await u.click(ru("broadcast-button-pause"));
    expect(paused.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(ru("broadcast-done-pause"));
    const edit = paused.find((c) => c.method === "editMessageText")!;
    expect(edit.payload.message_id).toBe(shown!.progress_message_id);
    expect(edit.payload.text).toContain(ru("broadcast-state-paused"));
    expect((await broadcasts())[0]!.state).toBe("paused");

    await u.click(ru("broadcast-button-resume"));
    expect((await broadcasts())[0]!.state).toBe("sending");
    expect(h.texts(await u.click(ru("broadcast-button-cancel")))).toEqual([ru("broadcast-cancel-confirm", { id: broadcast.id })]);
    expect((await broadcasts())[0]!.state).toBe("sending");
    const cancelled = await u.click(ru("broadcast-button-cancel-yes"));
    expect(h.texts(cancelled)).toContain(ru("broadcast-cancel-result", { id: broadcast.id, state: ru("broadcast-state-cancelled") }));
    expect((await broadcasts())[0]!.state).toBe("cancelled");
    // A kept Pause button changes nothing now.
    const late = await u.press(`adm:bc:pause:${broadcast.id}`);
    expect(late.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(ru("broadcast-unchanged", { state: ru("broadcast-state-cancelled") }));

    const audit = await h.db.selectFrom("audit_log").select(["actor_id", "action", "center_id"]).orderBy("id").execute();
    expect(audit).toEqual(
      ["broadcast.send", "broadcast.pause", "broadcast.resume", "broadcast.cancel"].map((action) => ({ actor_id: CENTER_ADMIN, action, center_id: CENTER_A })),
    );
  });

  it("lets a city administrator manage any broadcast", async () => {
    const broadcast = await createBroadcast(
      h.db,
      { id: CENTER_ADMIN, language: "ru", centerId: CENTER_A },
      { segment: { kind: "center", centerId: CENTER_A }, textKk: null, textRu: "Привет", photoFileId: null, button: null },
      h.clock.now(),
    );
    await recordProgressMessage(h.db, broadcast.id, { chatId: CENTER_ADMIN, messageId: 1, text: "…" }, h.clock.now());
    await h.admin(CITY_ADMIN).press(`adm:bc:pause:${broadcast.id}`);
    expect((await broadcasts())[0]!.state).toBe("paused");
  });
});

const broadcastNewData = "adm:bc:new";
