import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Specialist } from "../../src/db/schema.js";
import { findUser } from "../../src/db/users.js";
import { insertCenter, insertSpecialist } from "../support/fixtures.js";
import { BOT_INFO, createHarness, type ApiCall, type Harness } from "../support/harness.js";
import { insertTeaTalkSession } from "../support/teatalk.js";

const ADMIN = 900;
const CENTER = "almaly-1";
const OTHER_CENTER = "auezov-1";

let h: Harness;
let psychologist: Specialist;
/** Sessions by what they are to the host Айгерім of CENTER. */
let s: { today: number; thursday: number; past: number; cancelled: number; namesakeElsewhere: number; otherHost: number; specialist: number };

beforeEach(async () => {
  // Monday 23 November 2026, 12:00 in Almaty (UTC+5).
  h = await createHarness({ env: { ADMIN_IDS: String(ADMIN) }, now: "2026-11-23T07:00:00Z" });
  await insertCenter(h.db, { id: CENTER });
  await insertCenter(h.db, { id: OTHER_CENTER, district: "auezov" });
  psychologist = await insertSpecialist(h.db, { centerId: CENTER, service: "psychologist", displayName: "Айжан Серикова" });
  const at = (centerId: string, startsAt: string, more: Partial<Parameters<typeof insertTeaTalkSession>[1]>) =>
    insertTeaTalkSession(h.db, { ...more, centerId, startsAt });
  s = {
    // Today 18:00 and Thursday 18:00 in Almaty.
    today: await at(CENTER, "2026-11-23T13:00:00Z", { hostName: "Айгерім" }),
    thursday: await at(CENTER, "2026-11-26T13:00:00Z", { hostName: "Айгерім" }),
    past: await at(CENTER, "2026-11-16T13:00:00Z", { hostName: "Айгерім" }),
    cancelled: await at(CENTER, "2026-11-27T13:00:00Z", { hostName: "Айгерім", status: "cancelled" }),
    // Another person of the same name, at another center.
    namesakeElsewhere: await at(OTHER_CENTER, "2026-11-24T13:00:00Z", { hostName: "Айгерім" }),
    otherHost: await at(CENTER, "2026-11-25T13:00:00Z", { hostName: "Ерлан <Ер>" }),
    specialist: await at(CENTER, "2026-11-27T10:00:00Z", { hostSpecialistId: psychologist.id }),
  };
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (t: string, vars?: Record<string, string | number>) => h.i18n.t("ru", t, vars);
const kk = (t: string, vars?: Record<string, string | number>) => h.i18n.t("kk", t, vars);
const answers = (batch: ApiCall[]) => batch.filter((c) => c.method === "answerCallbackQuery").map((c) => c.payload.text);
const LINK_RE = new RegExp(`https://t\\.me/${BOT_INFO.username}\\?start=(host_[A-Za-z0-9_-]+)`);

async function hostsOf(): Promise<Record<number, number | null>> {
  const rows = await h.db.selectFrom("events").select(["id", "host_telegram_id"]).orderBy("id").execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.host_telegram_id]));
}

/** The sessions `telegramId` hosts by name. */
async function hostedBy(telegramId: number): Promise<number[]> {
  const hosts = await hostsOf();
  return Object.entries(hosts)
    .filter(([, id]) => id === telegramId)
    .map(([session]) => Number(session));
}

/** The administrator's host link for the host of `sessionId`: its payload. */
async function hostLink(sessionId: number): Promise<string> {
  const admin = h.user({ id: ADMIN, first_name: "Admin", language_code: "ru" });
  const [text] = h.texts(await admin.press(`staff-inv:hs:${sessionId}`));
  const payload = LINK_RE.exec(text ?? "")?.[1];
  if (!payload) throw new Error(`no host link in: ${text}`);
  return payload;
}

/** The commands of the chat menu a batch set for `chatId` in `language`. */
function chatCommands(batch: ApiCall[], chatId: number, language: string): string[] | undefined {
  const call = batch.find(
    (c) => c.method === "setMyCommands" && c.payload.scope?.chat_id === chatId && c.payload.language_code === language,
  );
  return call?.payload.commands.map((c: { command: string }) => c.command);
}

describe("host invites", () => {
  it("an administrator picks a host, and the link makes a new account the host of that host's sessions ahead", async () => {
    const admin = h.user({ id: ADMIN, first_name: "Admin", language_code: "ru" });
    await admin.send("/invite");
    expect(h.texts(await admin.press("staff-inv:h:0"))).toEqual([ru("staff-invite-choose-host")]);
    // Soonest session first; one button per host and center; a specialist host is invited as a specialist.
    expect(admin.buttons()).toEqual([
      { text: `Айгерім · Центр ${CENTER} · 23 ноября, понедельник, 18:00`, callback_data: `staff-inv:hs:${s.today}` },
      { text: `Айгерім · Центр ${OTHER_CENTER} · 24 ноября, вторник, 18:00`, callback_data: `staff-inv:hs:${s.namesakeElsewhere}` },
      { text: `Ерлан <Ер> · Центр ${CENTER} · 25 ноября, среда, 18:00`, callback_data: `staff-inv:hs:${s.otherHost}` },
      {
        text: `Айжан Серикова — ${ru("service-psychologist")} · Центр ${CENTER} · 27 ноября, пятница, 15:00`,
        callback_data: `staff-inv:s:${psychologist.id}`,
      },
      { text: ru("button-menu"), callback_data: "menu:open" },
    ]);

    const created = await admin.press(`staff-inv:hs:${s.today}`);
    expect(answers(created)).toHaveLength(1);
    const [text] = h.texts(created);
    const payload = LINK_RE.exec(text!)![1]!;
    expect(payload.length).toBeLessThanOrEqual(64);
    const invite = await h.db.selectFrom("staff_invites").selectAll().executeTakeFirstOrThrow();
    expect(payload).toBe(`host_${invite.token}`);
    expect(invite).toMatchObject({ kind: "host", host_name: "Айгерім", center_id: CENTER, specialist_id: null, created_by: ADMIN, used_at: null });
    expect(text).toBe(
      ru("staff-invite-host-created", {
        name: "Айгерім",
        center: `Центр ${CENTER}`,
        next: "23 ноября, понедельник, 18:00",
        link: `https://t.me/${BOT_INFO.username}?start=${payload}`,
        // Created Monday 12:00, valid 72 hours.
        until: "26 ноября, четверг, 12:00",
      }),
    );

    // Someone who never used the bot, in a Kazakh client.
    const host = h.user({ id: 7300, first_name: "Айгерім", language_code: "kk" });
    expect(await findUser(h.db, 7300)).toBeUndefined();
    const linked = await host.send(`/start ${payload}`);
    expect(h.texts(linked)).toEqual([kk("staff-host-linked", { name: "Айгерім", center: `Орталық ${CENTER}` })]);
    expect(host.buttons()).toEqual([{ text: kk("teatalk-host-button-today"), callback_data: "tt:host" }]);
    expect(chatCommands(linked, 7300, "kk")).toContain("host");
    // Only the sessions of this host at this center that are still ahead.
    expect(await hostedBy(7300)).toEqual([s.today, s.thursday]);
    expect(await findUser(h.db, 7300)).toMatchObject({ language: "kk", registered_at: null });
    expect(await h.db.selectFrom("staff_invites").select(["used_by", "used_at"]).executeTakeFirstOrThrow()).toEqual({
      used_by: 7300,
      used_at: h.clock.now().toISOString(),
    });

    // /host shows today's session at once, and so does the button.
    const today = [kk("teatalk-host-title", { day: "23 қараша, дүйсенбі" }), expect.stringContaining(kk("teatalk-host-no-participants"))];
    expect(h.texts(await host.send("/host"))).toEqual(today);
    expect(h.texts(await host.press("tt:host"))).toEqual(today);
    expect(h.texts(await host.send("/start"))).toEqual([kk("teatalk-host-start")]);

    // The host is no longer offered.
    await admin.press("staff-inv:h:0");
    expect(admin.buttons().map((b) => b.callback_data)).toEqual([
      `staff-inv:hs:${s.namesakeElsewhere}`,
      `staff-inv:hs:${s.otherHost}`,
      `staff-inv:s:${psychologist.id}`,
      "menu:open",
    ]);
  });

  it("a used link is refused to anyone else and told to its owner; nothing changes hands", async () => {
    const payload = await hostLink(s.today);
    const host = h.user({ id: 7300, first_name: "Айгерім", language_code: "ru" });
    await host.send(`/start ${payload}`);

    const other = h.user({ id: 7301, first_name: "Other", language_code: "ru" });
    expect(h.texts(await other.send(`/start ${payload}`))).toEqual([ru("staff-invite-used")]);
    expect(h.texts(await other.send("/host"))).toEqual([ru("teatalk-host-none")]);
    expect(h.texts(await host.send(`/start ${payload}`))).toEqual([
      ru("staff-host-linked-already", { name: "Айгерім", center: `Центр ${CENTER}` }),
    ]);
    expect(await hostedBy(7300)).toEqual([s.today, s.thursday]);
    expect(await hostedBy(7301)).toEqual([]);
  });

  it("an expired, unknown or malformed link gets a clear answer and links nothing", async () => {
    const payload = await hostLink(s.today);
    const late = h.user({ id: 7300, first_name: "Айгерім", language_code: "ru" });
    // A host's token behind the specialists' prefix is no specialist's invite.
    expect(h.texts(await late.send(`/start ${payload.replace(/^host_/, "staff_")}`))).toEqual([ru("staff-invite-unknown")]);
    expect(h.texts(await late.send("/start host_doesNotExist"))).toEqual([ru("staff-invite-unknown")]);
    expect(h.texts(await late.send("/start host_<b>"))).toEqual([ru("staff-invite-unknown")]);
    h.clock.advance(72 * 3_600_000);
    expect(h.texts(await late.send(`/start ${payload}`))).toEqual([ru("staff-invite-expired")]);
    expect(await hostedBy(7300)).toEqual([]);
    expect(await h.db.selectFrom("staff_invites").select("used_at").executeTakeFirstOrThrow()).toEqual({ used_at: null });
  });

  it("a second account for a host already linked, or a host with no session left, is told so and the link stays unused", async () => {
    const first = await hostLink(s.today);
    const second = await hostLink(s.thursday);
    await h.user({ id: 7300, first_name: "Айгерім", language_code: "ru" }).send(`/start ${first}`);
    const other = h.user({ id: 7301, first_name: "Other", language_code: "ru" });
    expect(h.texts(await other.send(`/start ${second}`))).toEqual([ru("staff-invite-host-linked")]);
    expect(await hostedBy(7301)).toEqual([]);

    const forOtherHost = await hostLink(s.otherHost);
    await h.db.updateTable("events").set({ status: "cancelled" }).where("id", "=", s.otherHost).execute();
    expect(h.texts(await other.send(`/start ${forOtherHost}`))).toEqual([ru("staff-invite-no-sessions")]);
    const tokens = [second, forOtherHost].map((payload) => payload.replace(/^host_/, ""));
    const unused = await h.db.selectFrom("staff_invites").select("used_at").where("token", "in", tokens).execute();
    expect(unused).toEqual([{ used_at: null }, { used_at: null }]);
  });

  it("a session gone or a host linked since the list was shown gets a clear answer; a specialist host gets a specialist's link", async () => {
    const admin = h.user({ id: ADMIN, first_name: "Admin", language_code: "ru" });
    await admin.press("staff-inv:h:0");
    await h.db.updateTable("events").set({ status: "cancelled" }).where("id", "=", s.otherHost).execute();
    const gone = await admin.press(`staff-inv:hs:${s.otherHost}`);
    expect(h.texts(gone)).toEqual([ru("staff-invite-host-gone"), ru("staff-invite-choose-host")]);
    expect(admin.buttons().map((b) => b.callback_data)).not.toContain(`staff-inv:hs:${s.otherHost}`);

    await h.db.updateTable("events").set({ host_telegram_id: 7300 }).where("id", "=", s.namesakeElsewhere).execute();
    expect(h.texts(await admin.press(`staff-inv:hs:${s.namesakeElsewhere}`))).toEqual([ru("staff-invite-already-linked", { name: "Айгерім" })]);
    // A session's specialist host is invited as the specialist, whichever button led there.
    const [text] = h.texts(await admin.press(`staff-inv:hs:${s.specialist}`));
    expect(text).toContain(ru("service-psychologist"));
    const payload = /start=(staff_[A-Za-z0-9_-]+)/.exec(text!)![1]!;
    const specialist = h.user({ id: 7001, first_name: "Айжан", language_code: "ru" });
    const linked = await specialist.send(`/start ${payload}`);
    expect(chatCommands(linked, 7001, "ru")).toEqual(expect.arrayContaining(["staff", "host"]));
    expect(await h.db.selectFrom("staff_invites").selectAll().execute()).toHaveLength(1);
  });

  it("a person who is not an administrator is refused, by command or forged button, and nothing is created", async () => {
    const u = h.user({ id: 555, first_name: "Test", language_code: "ru" });
    expect(h.texts(await u.send("/invite"))).toEqual([ru("staff-not-allowed")]);
    for (const data of ["staff-inv:h:0", `staff-inv:hs:${s.today}`]) {
      const forged = await u.press(data);
      expect(answers(forged), data).toEqual([ru("staff-not-allowed")]);
      expect(h.texts(forged), data).toEqual([ru("staff-not-allowed")]);
    }
    expect(await h.db.selectFrom("staff_invites").selectAll().execute()).toEqual([]);
    expect(await hostedBy(555)).toEqual([]);
  });

  it("with every host linked, the administrator is told so with the way to the main menu", async () => {
    await h.db.updateTable("events").set({ host_telegram_id: 7300 }).where("host_specialist_id", "is", null).execute();
    await h.db.updateTable("specialists").set({ telegram_id: 7001 }).where("id", "=", psychologist.id).execute();
    const admin = h.user({ id: ADMIN, first_name: "Admin", language_code: "kk" });
    expect(h.texts(await admin.press("staff-inv:h:0"))).toEqual([kk("staff-invite-host-none")]);
    expect(admin.buttons()).toEqual([{ text: kk("button-menu"), callback_data: "menu:open" }]);
  });
});
