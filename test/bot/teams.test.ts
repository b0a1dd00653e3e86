import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { noticeRenderers } from "../../src/bot/notices.js";
import type { Team } from "../../src/db/schema.js";
import { seedCatalog } from "../../src/db/seed/index.js";
import type { Language } from "../../src/domain/language.js";
import { createLogger } from "../../src/logger.js";
import { OutboxDispatcher } from "../../src/scheduler/dispatcher.js";
import { createHarness, recorded, type ApiCall, type Harness } from "../support/harness.js";
import { insertTeam } from "../support/teams.js";
import { registerUser, signedUpUser } from "../support/users.js";

const ADMIN = 9001;
const COORDINATOR = 9100;

let h: Harness;
let team: Team;
beforeEach(async () => {
  // Daytime in Almaty, so that the outbox does not hold notices for the morning.
  h = await createHarness({ env: { ADMIN_IDS: String(ADMIN) }, now: "2026-11-23T06:00:00Z" });
  await seedCatalog(h.db);
  team = await insertTeam(h.db, {
    name_ru: "Эко-патруль",
    name_kk: "Эко-патруль",
    description_ru: "Убираем берега рек",
    category: "ecology",
    center_id: "alatau-1",
    coordinator_id: COORDINATOR,
  });
});
afterEach(async () => {
  await h.cleanup();
});

const t = (lang: Language) => (key: string, vars?: Record<string, string | number>) => h.i18n.t(lang, key, vars);
const ru = t("ru");
const kk = t("kk");

/** Sends what is due through the bot's own API client, as the scheduler does; returns the calls it made. */
async function dispatch(): Promise<ApiCall[]> {
  const from = h.calls.length;
  const deps = { config: h.config, db: h.db, logger: createLogger("silent"), clock: h.clock, api: h.bot.api, i18n: h.i18n, renderers: noticeRenderers };
  await new OutboxDispatcher(deps, { sleep: async (ms) => h.clock.advance(ms) }).dispatchDue();
  return h.calls.slice(from);
}

const sentTo = (batch: ApiCall[], chatId: number) => batch.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId);

async function rowsOf(teamId: number) {
  return h.db.selectFrom("team_members").select(["user_id", "status", "message"]).where("team_id", "=", teamId).orderBy("id").execute();
}

describe("teams", () => {
  it("lists the teams under their categories, in the main menu, without an account", async () => {
    await insertTeam(h.db, { name_ru: "Юные патриоты", category: "patriotic" });
    await insertTeam(h.db, { name_ru: "Закрытая", category: "other", active: 0 });
    const u = h.user({ id: 7001, first_name: "Test", language_code: "ru" });
    expect(u.buttons()).toEqual([]);
    await u.send("/menu");
    expect(u.buttons().map((b) => b.text)).toContain(ru("menu-teams"));
    const [list] = h.texts(await u.click(ru("menu-teams")));
    expect(list).toBe(
      [
        ru("teams-title"),
        `<b>${ru("team-category-ecology")}</b>\n• Эко-патруль`,
        `<b>${ru("team-category-patriotic")}</b>\n• Юные патриоты`,
      ].join("\n\n"),
    );
    const [card] = h.texts(await u.click("Эко-патруль"));
    expect(card).toContain("Убираем берега рек");
    expect(card).toContain("Молодёжный центр Алатауского района №1");
    expect(u.buttons().map((b) => b.text)).toEqual([ru("teams-button-join"), ru("button-back"), ru("button-menu")]);
  });

  it("a join request reaches the coordinator, who accepts it; the person is told and can leave", async () => {
    const u = await signedUpUser(h, 7002, "ru");
    await u.press(`teams:team:${team.id}`);
    expect(h.texts(await u.click(ru("teams-button-join")))).toEqual([ru("teams-ask-message", { name: "Эко-патруль", max: 300 })]);
    // Longer than a short note: said, and the step waits.
    expect(h.texts(await u.send("x".repeat(301)))).toEqual([ru("text-too-long", { max: 300 })]);
    expect(h.texts(await u.send("Хочу помогать по выходным"))).toEqual([ru("teams-request-sent", { name: "Эко-патруль" })]);
    expect(await rowsOf(team.id)).toEqual([{ user_id: 7002, status: "requested", message: "Хочу помогать по выходным" }]);

    // The coordinator gets the notice through the outbox, in their own chat.
    const notice = sentTo(await dispatch(), COORDINATOR);
    expect(notice.map((c) => c.payload.text)).toEqual([
      `${ru("teams-notice-request", { team: "Эко-патруль", name: "Тест" })}\n\n«Хочу помогать по выходным»`,
    ]);
    const coordinator = h.user({ id: COORDINATOR, first_name: "Coord", language_code: "ru" });
    const accepted = await coordinator.click(ru("teams-button-accept-notice"));
    expect(await rowsOf(team.id)).toEqual([{ user_id: 7002, status: "member", message: "Хочу помогать по выходным" }]);
    const [screen] = h.texts(accepted);
    expect(screen).toContain(ru("teams-accepted", { name: "Тест" }));
    expect(screen).toContain(`${ru("teams-manage-members", { count: 1 })}\n• Тест`);

    const told = sentTo(await dispatch(), 7002);
    expect(told.map((c) => c.payload.text)).toEqual([ru("teams-notice-accepted", { team: "Эко-патруль" })]);

    // A second press of the same notice changes nothing.
    expect(h.texts(await coordinator.press(`teams:decline:${(await requestIds())[0]}`))[0]).toContain(
      ru("teams-request-already-answered", { name: "Тест" }),
    );
    expect((await rowsOf(team.id))[0]!.status).toBe("member");
    expect(sentTo(await dispatch(), 7002)).toEqual([]);

    // The member leaves; the coordinator's list no longer has them.
    const [card] = h.texts(await u.press(`teams:team:${team.id}`));
    expect(card).toContain(ru("teams-you-are-member"));
    const left = await u.click(ru("teams-button-leave"));
    expect(h.texts(left)[0]).toContain(ru("teams-left"));
    expect((await rowsOf(team.id))[0]!.status).toBe("left");
    const [home] = h.texts(await coordinator.send("/team"));
    expect(home).toContain(ru("teams-manage-no-members"));
    expect(home).toContain(ru("teams-manage-no-requests"));
  });

  it("a declined request is said to the person in Kazakh; a request without a message skips it", async () => {
    const u = await signedUpUser(h, 7003, "kk");
    await u.press(`teams:join:${team.id}`);
    expect(h.texts(await u.click(kk("button-skip")))).toEqual([
      recorded(kk("teams-ask-message", { name: "Эко-патруль", max: 300 }), kk("button-skip")),
      kk("teams-request-sent", { name: "Эко-патруль" }),
    ]);
    expect(await rowsOf(team.id)).toEqual([{ user_id: 7003, status: "requested", message: null }]);
    await dispatch();

    const coordinator = h.user({ id: COORDINATOR, first_name: "Coord", language_code: "ru" });
    const [screen] = h.texts(await coordinator.send("/team"));
    expect(screen).toContain(`${ru("teams-manage-requests")}\n1. Тест`);
    await coordinator.click(ru("teams-button-decline", { n: 1 }));
    expect((await rowsOf(team.id))[0]!.status).toBe("declined");
    expect(sentTo(await dispatch(), 7003).map((c) => c.payload.text)).toEqual([kk("teams-notice-declined", { team: "Эко-патруль" })]);

    // Declined is not a live request: the person may ask again.
    const [card] = h.texts(await u.press(`teams:team:${team.id}`));
    expect(card).not.toContain(kk("teams-you-requested"));
    expect(u.buttons()[0]!.text).toBe(kk("teams-button-join"));
  });

  it("a request can be taken back before the coordinator answers, and is asked only once", async () => {
    const u = await signedUpUser(h, 7004, "ru");
    await u.press(`teams:join:${team.id}`);
    await u.click(ru("button-skip"));
    // An old Join button pressed again: the card says the request is waiting.
    const [again] = h.texts(await u.press(`teams:join:${team.id}`));
    expect(again).toContain(ru("teams-you-requested"));
    expect(await rowsOf(team.id)).toHaveLength(1);
    await u.click(ru("teams-button-withdraw"));
    expect((await rowsOf(team.id))[0]!.status).toBe("left");
    // The coordinator's notice, not yet sent, is no longer worth sending.
    expect(sentTo(await dispatch(), COORDINATOR)).toEqual([]);
  });

  it("forged answers from anyone but the team's coordinator change nothing and say so", async () => {
    const u = await signedUpUser(h, 7005, "ru");
    await u.press(`teams:join:${team.id}`);
    await u.click(ru("button-skip"));
    const [requestId] = await requestIds();
    const other = await insertTeam(h.db, { name_ru: "Другая", coordinator_id: 9200 });
    for (const id of [7005, 9200, 7777]) {
      const stranger = h.user({ id, first_name: "X", language_code: "ru" });
      for (const data of [`teams:accept:${requestId}`, `teams:decline:${requestId}`, `teams:manage:${team.id}`]) {
        const batch = await stranger.press(data);
        expect(batch.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(ru("staff-not-allowed"));
        expect(h.texts(batch)).toEqual([ru("teams-not-coordinator")]);
      }
      expect(h.texts(await stranger.send("/team"))).toEqual(id === 9200 ? [expect.stringContaining("Другая")] : [ru("teams-not-coordinator")]);
    }
    expect(await rowsOf(team.id)).toEqual([{ user_id: 7005, status: "requested", message: null }]);
    expect(await rowsOf(other.id)).toEqual([]);
    expect(sentTo(await dispatch(), 7005)).toEqual([]);
  });

  it("asks someone without an account to sign up before joining, and stores nothing", async () => {
    const u = h.user({ id: 7006, first_name: "Test", language_code: "ru" });
    expect(h.texts(await u.press(`teams:join:${team.id}`))).toEqual([ru("need-signup")]);
    expect(await rowsOf(team.id)).toEqual([]);
  });

  it("/mydata includes a person's teams, and /deleteme erases them", async () => {
    const u = await signedUpUser(h, 7007, "ru");
    await u.press(`teams:join:${team.id}`);
    await u.send("Привет");
    const json = (await u.send("/mydata")).filter((c) => c.method === "sendDocument").map((c) => String(c.payload.document))[1]!;
    expect(JSON.parse(json).teams).toEqual([expect.objectContaining({ team: "Эко-патруль", status: "requested", message: "Привет" })]);
    await u.send("/deleteme");
    await u.press("privacy:erase:yes");
    expect(await rowsOf(team.id)).toEqual([]);
  });
});

async function requestIds(): Promise<number[]> {
  return (await h.db.selectFrom("team_members").select("id").orderBy("id").execute()).map((r) => r.id);
}

describe("coordinator invites", () => {
  it("an administrator invites a team's coordinator by link, which links the account that opens it once", async () => {
    const free = await insertTeam(h.db, { name_ru: "Волонтёры района", name_kk: "Аудан еріктілері" });
    const admin = h.user({ id: ADMIN, first_name: "Admin", language_code: "ru" });
    await admin.send("/invite");
    expect(h.texts(await admin.click(ru("staff-invite-kind-coordinator")))).toEqual([ru("staff-invite-choose-team")]);
    // Only teams without a coordinator.
    expect(admin.buttons().map((b) => b.text)).toEqual(["Волонтёры района", ru("button-menu")]);
    const [created] = h.texts(await admin.click("Волонтёры района"));
    const link = /https:\/\/t\.me\/jastar_test_bot\?start=(coord_[\w-]+)/.exec(created!)!;
    expect(created).toContain("Волонтёры района");

    const newcomer = h.user({ id: 9300, first_name: "Coord", language_code: "kk" });
    const linked = await newcomer.send(`/start ${link[1]}`);
    expect(h.texts(linked)[0]).toBe(kk("staff-coordinator-linked", { name: "Аудан еріктілері" }));
    expect(h.texts(linked)[1]).toContain(kk("teams-manage-title", { name: "Аудан еріктілері" }));
    const commands = linked.filter((c) => c.method === "setMyCommands").map((c) => c.payload.commands.map((x: { command: string }) => x.command));
    expect(commands[0]).toContain("team");
    expect((await h.db.selectFrom("teams").select("coordinator_id").where("id", "=", free.id).executeTakeFirst())?.coordinator_id).toBe(9300);

    // The same link opened by someone else is used up.
    const other = h.user({ id: 9301, first_name: "Other", language_code: "ru" });
    expect(h.texts(await other.send(`/start ${link[1]}`))).toEqual([ru("staff-invite-used")]);
    expect(h.texts(await newcomer.send(`/start ${link[1]}`))[0]).toBe(kk("staff-coordinator-linked-already", { name: "Аудан еріктілері" }));
  });

  it("is refused to anyone but an administrator", async () => {
    await registerUser(h.db, 7008);
    const u = h.user({ id: 7008, first_name: "Test", language_code: "ru" });
    expect(h.texts(await u.press("staff-inv:t:0"))).toEqual([ru("staff-not-allowed")]);
    expect(h.texts(await u.press(`staff-inv:ts:${team.id}`))).toEqual([ru("staff-not-allowed")]);
    expect(await h.db.selectFrom("staff_invites").selectAll().execute()).toEqual([]);
  });
});
