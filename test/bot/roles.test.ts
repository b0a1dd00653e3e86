import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { noticeRenderers } from "../../src/bot/notices.js";
import { recordAudit } from "../../src/db/audit.js";
import { createPartner, linkPartnerAccount } from "../../src/db/cards.js";
import type { OutboxRow, Specialist, Team } from "../../src/db/schema.js";
import { findUser } from "../../src/db/users.js";
import type { Language } from "../../src/domain/language.js";
import { insertCenter, insertSpecialist } from "../support/fixtures.js";
import { CITY_ADMIN, alerts, createAdminHarness, type AdminHarness } from "../support/admins.js";
import { BOT_INFO, type ApiCall } from "../support/harness.js";
import { textNotice } from "../support/notices.js";
import { insertTeaTalkSession } from "../support/teatalk.js";
import { insertTeam } from "../support/teams.js";
import { registerUser } from "../support/users.js";

const MANAGER = 901;
const NOBODY = 555;
const A = "almaly-1";
const B = "bostandyk-1";
const CADM_RE = new RegExp(`https://t\\.me/${BOT_INFO.username}\\?start=(cadm_[A-Za-z0-9_-]+)`);

let h: AdminHarness;
let sA: Specialist;
let sB: Specialist;
let unlinkedA: Specialist;
let unlinkedB: Specialist;
let sessionA: number;
let sessionB: number;
let team: Team;
let partnerId: number;

beforeEach(async () => {
  // Wednesday 2 December 2026, 10:00 in Almaty (UTC+5).
  h = await createAdminHarness();
  await insertCenter(h.db, { id: A });
  await insertCenter(h.db, { id: B, district: "bostandyk" });
  sA = await insertSpecialist(h.db, { centerId: A, service: "psychologist", displayName: "Айжан Серикова", telegramId: 7001 });
  sB = await insertSpecialist(h.db, { centerId: B, service: "lawyer", displayName: "Ерлан Ахметов", telegramId: 7002 });
  unlinkedA = await insertSpecialist(h.db, { centerId: A, service: "career", displayName: "Мадина Оспанова" });
  unlinkedB = await insertSpecialist(h.db, { centerId: B, service: "career", displayName: "Тимур Ким" });
  // Tomorrow at 18:00 in Almaty, each center's own host.
  sessionA = await insertTeaTalkSession(h.db, { centerId: A, startsAt: "2026-12-03T13:00:00Z", hostName: "Айгерім", hostTelegramId: 7300 });
  sessionB = await insertTeaTalkSession(h.db, { centerId: B, startsAt: "2026-12-03T13:00:00Z", hostName: "Дана", hostTelegramId: 7301 });
  team = await insertTeam(h.db, { name_ru: "Эко", name_kk: "Эко", coordinator_id: 7400 });
  const partner = await createPartner(h.db, { name: "Театр", category: "culture", benefitKk: null, benefitRu: null }, h.clock.now());
  partnerId = partner.id;
  await linkPartnerAccount(h.db, partnerId, 7500, h.clock.now());
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (key: string, vars?: Record<string, string | number>) => h.i18n.t("ru", key, vars);
const kk = (key: string, vars?: Record<string, string | number>) => h.i18n.t("kk", key, vars);
const cityAdmin = () => h.admin();
const manager = (language: Language = "ru") => h.user({ id: MANAGER, first_name: "Манар", language_code: language });

async function auditRows() {
  return h.db.selectFrom("audit_log").select(["at", "actor_id", "action", "subject", "center_id", "before", "after"]).orderBy("id").execute();
}

/** Everything the buttons under test could change, to check that a refused press changed none of it. */
async function state() {
  return {
    specialists: await h.db.selectFrom("specialists").select(["id", "telegram_id", "active"]).orderBy("id").execute(),
    centerAdmins: await h.db.selectFrom("center_admins").selectAll().orderBy("id").execute(),
    hosts: await h.db.selectFrom("events").select(["id", "host_telegram_id"]).orderBy("id").execute(),
    teams: await h.db.selectFrom("teams").select(["id", "coordinator_id"]).execute(),
    partnerAccounts: await h.db.selectFrom("partner_accounts").select(["telegram_id", "partner_id"]).execute(),
    invites: await h.db.selectFrom("staff_invites").selectAll().execute(),
    audit: await auditRows(),
    outbox: await h.db.selectFrom("outbox").select(["kind", "recipient_id"]).execute(),
  };
}

const menuResets = (batch: ApiCall[], chatId: number) =>
  batch.filter((c) => c.method === "deleteMyCommands" && c.payload.scope?.chat_id === chatId).map((c) => c.payload.language_code ?? "");
const chatMenu = (batch: ApiCall[], chatId: number): string[] =>
  batch.find((c) => c.method === "setMyCommands" && c.payload.scope?.chat_id === chatId && c.payload.language_code === "ru")?.payload.commands.map(
    (c: { command: string }) => c.command,
  ) ?? [];

async function renderRevoked(row: OutboxRow, language: Language) {
  return textNotice(
    await noticeRenderers.role_revoked!({
      row,
      recipient: await findUser(h.db, row.recipient_id),
      payload: JSON.parse(row.payload) as Record<string, unknown>,
      language,
      t: (key, vars) => h.i18n.t(language, key, vars),
      db: h.db,
      now: h.clock.now(),
    }),
  );
}

describe("center administrators through invites", () => {
  it("a city administrator invites one from /admin; the link makes a new account the center's administrator, once", async () => {
    const admin = cityAdmin();
    await admin.send("/admin");
    expect(h.texts(await admin.click(ru("admin-button-invite")))).toEqual([ru("staff-invite-choose-kind")]);
    expect(h.texts(await admin.click(ru("staff-invite-kind-center-admin")))).toEqual([ru("staff-invite-choose-center-admin")]);
    expect(admin.buttons().map((b) => b.text)).toEqual([`Центр ${A}`, `Центр ${B}`, ru("button-back")]);
    const created = await admin.click(`Центр ${A}`);
    const [text] = h.texts(created);
    const payload = CADM_RE.exec(text!)![1]!;
    expect(payload.length).toBeLessThanOrEqual(64);
    const invite = await h.db.selectFrom("staff_invites").selectAll().executeTakeFirstOrThrow();
    expect(payload).toBe(`cadm_${invite.token}`);
    expect(invite).toMatchObject({ kind: "center-admin", center_id: A, specialist_id: null, created_by: CITY_ADMIN, used_at: null });
    expect(text).toBe(
      ru("staff-invite-center-admin-created", {
        center: `Центр ${A}`,
        link: `https://t.me/${BOT_INFO.username}?start=${payload}`,
        until: "5 декабря, суббота, 10:00",
      }),
    );

    h.clock.advance(3_600_000);
    const person = manager("kk");
    const greeted = await person.send(`/start ${payload}`);
    expect(h.texts(greeted)).toEqual([kk("staff-center-admin-linked", { center: `Орталық ${A}` }), kk("admin-home-centers", { centers: `Орталық ${A}` })]);
    expect(chatMenu(greeted, MANAGER)).toContain("admin");
    expect(chatMenu(greeted, MANAGER)).toContain("invite");
    expect(await h.db.selectFrom("center_admins").select(["telegram_id", "center_id", "granted_by", "granted_at", "revoked_at"]).execute()).toEqual([
      { telegram_id: MANAGER, center_id: A, granted_by: CITY_ADMIN, granted_at: "2026-12-02T06:00:00.000Z", revoked_at: null },
    ]);
    expect(h.texts(await person.send(`/start ${payload}`))).toEqual([
      kk("staff-center-admin-linked-already", { center: `Орталық ${A}` }),
      kk("admin-home-centers", { centers: `Орталық ${A}` }),
    ]);
    const other = h.user({ id: 7777, first_name: "Other", language_code: "ru" });
    expect(h.texts(await other.send(`/start ${payload}`))).toEqual([ru("staff-invite-used")]);
    expect(h.texts(await other.send("/admin"))).toEqual([ru("staff-not-allowed")]);

    // Who gave which role, and who took it, with the state after; the token is in no record.
    expect(await auditRows()).toEqual([
      {
        at: "2026-12-02T05:00:00.000Z",
        actor_id: CITY_ADMIN,
        action: "invite.create",
        subject: `center:${A}`,
        center_id: A,
        before: null,
        after: JSON.stringify({ role: "center-admin", expires_at: "2026-12-05T05:00:00.000Z" }),
      },
      {
        at: "2026-12-02T06:00:00.000Z",
        actor_id: MANAGER,
        action: "role.grant",
        subject: `user:${MANAGER}`,
        center_id: A,
        before: null,
        after: JSON.stringify({ role: "center-admin", target: `center:${A}` }),
      },
    ]);
    expect(JSON.stringify(await auditRows())).not.toContain(invite.token);
  });

  it("a center administrator invites the specialists and hosts of their own centers only", async () => {
    await h.grantCenter(MANAGER, A);
    // Hosts no account hosts yet, one at each center.
    const newHostA = await insertTeaTalkSession(h.db, { centerId: A, startsAt: "2026-12-04T13:00:00Z", hostName: "Жанар" });
    const newHostB = await insertTeaTalkSession(h.db, { centerId: B, startsAt: "2026-12-04T13:00:00Z", hostName: "Әсел" });
    const person = manager();
    await person.send("/admin");
    await person.click(ru("admin-button-invite"));
    expect(person.buttons().map((b) => b.text)).toEqual([ru("staff-invite-kind-specialist"), ru("staff-invite-kind-host"), ru("button-back")]);
    await person.click(ru("staff-invite-kind-specialist"));
    expect(person.buttons().map((b) => b.text)).toEqual([`Мадина Оспанова — ${ru("service-career")}, Центр ${A}`, ru("button-menu")]);
    await person.press("staff-inv:h:0");
    expect(person.buttons().map((b) => b.callback_data)).toEqual([`staff-inv:hs:${newHostA}`, "menu:open"]);
    const before = await state();

    // Another center's specialist, host or list, and the city's own invites, are refused or unknown.
    expect(h.texts(await person.press(`staff-inv:s:${unlinkedB.id}`))).toEqual([ru("staff-invite-unknown-specialist", { id: String(unlinkedB.id) })]);
    expect(h.texts(await person.send(`/invite ${unlinkedB.id}`))).toEqual([ru("staff-invite-unknown-specialist", { id: String(unlinkedB.id) })]);
    for (const data of [`staff-inv:c:${B}:0`, `staff-inv:hs:${newHostB}`, "staff-inv:t:0", `staff-inv:ts:${team.id}`, "staff-inv:a:0", `staff-inv:as:${A}`, "card-admin:partners:0"]) {
      const batch = await person.press(data);
      expect(alerts(batch), data).toEqual([ru("staff-not-allowed")]);
    }
    expect(await state()).toEqual(before);

    const created = await person.press(`staff-inv:s:${unlinkedA.id}`);
    expect(h.texts(created)[0]).toContain("start=staff_");
    expect(await h.db.selectFrom("staff_invites").select(["kind", "specialist_id", "created_by"]).execute()).toEqual([
      { kind: "specialist", specialist_id: unlinkedA.id, created_by: MANAGER },
    ]);
    expect(await auditRows()).toEqual([
      expect.objectContaining({ actor_id: MANAGER, action: "invite.create", subject: `specialist:${unlinkedA.id}`, center_id: A }),
    ]);
  });
});

describe("people and roles", () => {
  it("a city administrator sees everyone holding a role, and revokes one after a confirmation: the person is told and loses access at once", async () => {
    await h.grantCenter(MANAGER, A);
    await registerUser(h.db, MANAGER, { name: "Манар <Ж>" });
    const admin = cityAdmin();
    await admin.send("/admin");
    expect(h.texts(await admin.click(ru("admin-button-people")))).toEqual([ru("admin-people", { count: 7 })]);
    expect(admin.buttons().map((b) => b.text)).toEqual([
      `${ru("admin-role-center-admin")} · Центр ${A} · Манар <Ж>`,
      `${ru("admin-role-specialist")} · Айжан Серикова, Центр ${A} · 7001`,
      `${ru("admin-role-specialist")} · Ерлан Ахметов, Центр ${B} · 7002`,
      `${ru("admin-role-host")} · Айгерім, Центр ${A} · 7300`,
      `${ru("admin-role-host")} · Дана, Центр ${B} · 7301`,
      `${ru("admin-role-coordinator")} · Эко · 7400`,
      `${ru("admin-role-partner")} · Театр · 7500`,
      ru("button-back"),
    ]);
    const role = { role: ru("admin-role-center-admin"), what: `Центр ${A}`, name: "Манар &lt;Ж&gt;" };
    expect(h.texts(await admin.click(/Манар/))).toEqual([ru("admin-person", { ...role, id: String(MANAGER) })]);
    expect(h.texts(await admin.click(ru("admin-button-revoke")))).toEqual([ru("admin-revoke-confirm", role)]);
    // The person keeps the buttons of their own /admin.
    const person = manager();
    await person.send("/admin");

    h.clock.advance(60_000);
    const revoked = await admin.click(ru("admin-button-revoke-yes"));
    expect(h.texts(revoked)).toEqual([`${ru("admin-revoked", { role: role.role, name: role.name })}\n\n${ru("admin-people", { count: 6 })}`]);
    expect(await h.db.selectFrom("center_admins").select(["telegram_id", "revoked_at"]).execute()).toEqual([
      { telegram_id: MANAGER, revoked_at: "2026-12-02T05:01:00.000Z" },
    ]);
    // Their own command menu loses /admin and /invite at once.
    expect(menuResets(revoked, MANAGER).sort()).toEqual(["", "kk", "ru"]);
    expect(await auditRows()).toEqual([
      {
        at: "2026-12-02T05:01:00.000Z",
        actor_id: CITY_ADMIN,
        action: "role.revoke",
        subject: `user:${MANAGER}`,
        center_id: A,
        before: JSON.stringify({ role: "center-admin", target: `center:${A}` }),
        after: null,
      },
    ]);
    const [notice] = await h.db.selectFrom("outbox").selectAll().execute();
    expect(notice).toMatchObject({ kind: "role_revoked", recipient_id: MANAGER, state: "pending", essential: 1 });
    expect((await renderRevoked(notice!, "ru"))?.text).toBe(ru("admin-notice-role-revoked", { role: role.role, what: `Центр ${A}` }));
    expect((await renderRevoked(notice!, "kk"))?.text).toBe(kk("admin-notice-role-revoked", { role: kk("admin-role-center-admin"), what: `Орталық ${A}` }));

    // Their kept buttons and /admin do nothing now.
    const before = await state();
    for (const label of [ru("admin-button-people"), ru("admin-button-invite")]) {
      expect(alerts(await person.click(label))).toEqual([ru("staff-not-allowed")]);
    }
    // Their menu is put right again at their next update, should the first attempt have failed.
    const refused = await person.send("/admin");
    expect(h.texts(refused)).toEqual([ru("staff-not-allowed")]);
    expect(menuResets(refused, MANAGER).sort()).toEqual(["", "kk", "ru"]);
    // The confirmation pressed again changes nothing more.
    expect(h.texts(await admin.press(`adm:rv-yes:a:${A}:${MANAGER}`))[0]).toBe(`${ru("admin-role-gone")}\n\n${ru("admin-people", { count: 6 })}`);
    expect(await state()).toEqual(before);
  });

  it("revoking each other role ends exactly it: a host's sessions ahead, a team's coordinator, a partner's account", async () => {
    // Hosted last week: that history stays.
    const past = await insertTeaTalkSession(h.db, { centerId: A, startsAt: "2026-11-25T13:00:00Z", hostName: "Айгерім", hostTelegramId: 7300 });
    const admin = cityAdmin();
    await admin.press(`adm:rv-yes:h:${A}:7300`);
    await admin.press(`adm:rv-yes:c:${team.id}:7400`);
    await admin.press(`adm:rv-yes:p:${partnerId}:7500`);
    await admin.press(`adm:rv-yes:s:${sB.id}:7002`);
    const hosts = await h.db.selectFrom("events").select(["id", "host_telegram_id"]).orderBy("id").execute();
    expect(hosts).toEqual([
      { id: sessionA, host_telegram_id: null },
      { id: sessionB, host_telegram_id: 7301 },
      { id: past, host_telegram_id: 7300 },
    ]);
    expect((await h.db.selectFrom("teams").select("coordinator_id").executeTakeFirstOrThrow()).coordinator_id).toBeNull();
    expect(await h.db.selectFrom("partner_accounts").selectAll().execute()).toEqual([]);
    expect(await h.db.selectFrom("specialists").select(["id", "telegram_id", "active"]).where("id", "in", [sA.id, sB.id]).orderBy("id").execute()).toEqual([
      { id: sA.id, telegram_id: 7001, active: 1 },
      { id: sB.id, telegram_id: 7002, active: 0 },
    ]);
    expect((await auditRows()).map((r) => [r.action, r.subject, r.center_id, r.before])).toEqual([
      ["role.revoke", "user:7300", A, JSON.stringify({ role: "host", target: `center:${A}` })],
      ["role.revoke", "user:7400", null, JSON.stringify({ role: "coordinator", target: `team:${team.id}` })],
      ["role.revoke", "user:7500", null, JSON.stringify({ role: "partner", target: `partner:${partnerId}` })],
      ["role.revoke", "user:7002", B, JSON.stringify({ role: "specialist", target: `specialist:${sB.id}` })],
    ]);
    expect((await h.db.selectFrom("outbox").select("recipient_id").orderBy("id").execute()).map((r) => r.recipient_id)).toEqual([7300, 7400, 7500, 7002]);

    // Each loses their side at their next update.
    expect(h.texts(await h.user({ id: 7300, first_name: "Айгерім", language_code: "ru" }).send("/host"))).toEqual([ru("teatalk-host-none")]);
    expect(h.texts(await h.user({ id: 7400, first_name: "Коорд", language_code: "ru" }).send("/team"))).toEqual([ru("teams-not-coordinator")]);
    expect(h.texts(await h.user({ id: 7002, first_name: "Ерлан", language_code: "ru" }).send("/staff"))).toEqual([ru("staff-only")]);
  });

  it("a center administrator sees and revokes their centers' specialists and hosts only; another center's stay as they are", async () => {
    await h.grantCenter(MANAGER, A);
    await h.grantCenter(902, B);
    const person = manager();
    await person.send("/admin");
    expect(h.texts(await person.click(ru("admin-button-people")))).toEqual([ru("admin-people", { count: 2 })]);
    expect(person.buttons().map((b) => b.text)).toEqual([
      `${ru("admin-role-specialist")} · Айжан Серикова, Центр ${A} · 7001`,
      `${ru("admin-role-host")} · Айгерім, Центр ${A} · 7300`,
      ru("button-back"),
    ]);

    const before = await state();
    for (const data of [
      `adm:rv-yes:s:${sB.id}:7002`,
      `adm:rv-yes:h:${B}:7301`,
      `adm:rv-yes:a:${B}:902`,
      `adm:rv-yes:a:${A}:${MANAGER}`,
      `adm:rv-yes:c:${team.id}:7400`,
      `adm:rv-yes:p:${partnerId}:7500`,
      `adm:role:s:${sB.id}:7002`,
      `adm:rv:s:${sB.id}:7002`,
    ]) {
      expect(h.texts(await person.press(data))[0], data).toBe(`${ru("admin-role-gone")}\n\n${ru("admin-people", { count: 2 })}`);
    }
    expect(await state()).toEqual(before);

    await person.click(/Айжан/);
    await person.click(ru("admin-button-revoke"));
    await person.click(ru("admin-button-revoke-yes"));
    expect((await h.db.selectFrom("specialists").select("active").where("id", "=", sA.id).executeTakeFirstOrThrow()).active).toBe(0);
    expect(await auditRows()).toEqual([expect.objectContaining({ actor_id: MANAGER, action: "role.revoke", subject: "user:7001", center_id: A })]);
    expect(h.texts(await h.user({ id: 7001, first_name: "Айжан", language_code: "ru" }).send("/staff"))).toEqual([ru("staff-only")]);
  });

  it("a non-administrator's forged buttons change nothing and are answered as not allowed", async () => {
    await h.grantCenter(MANAGER, A);
    const person = h.user({ id: NOBODY, first_name: "Someone", language_code: "ru" });
    const before = await state();
    for (const data of [
      "adm:people:0",
      `adm:role:s:${sA.id}:7001`,
      `adm:rv:s:${sA.id}:7001`,
      `adm:rv-yes:s:${sA.id}:7001`,
      `adm:rv-yes:a:${A}:${MANAGER}`,
      "adm:audit:0",
      "adm:audit-csv",
      "staff-inv:k",
      `staff-inv:as:${A}`,
      `staff-inv:s:${unlinkedA.id}`,
    ]) {
      const batch = await person.press(data);
      expect(alerts(batch), data).toEqual([ru("staff-not-allowed")]);
      expect(batch.some((c) => c.method === "sendDocument")).toBe(false);
    }
    expect(await state()).toEqual(before);
  });
});

describe("the audit log in the bot", () => {
  async function record(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const at = new Date(Date.UTC(2026, 11, 1, 4, i));
      await recordAudit(h.db, { actorId: CITY_ADMIN, action: "card.revoke", subject: `card:${i}`, before: { revoked_at: null }, after: { revoked_at: at.toISOString() } }, at);
    }
  }

  it("shows a city administrator the newest first, a page at a time, in Almaty time with the state before and after", async () => {
    await record(11);
    await recordAudit(
      h.db,
      { actorId: MANAGER, action: "role.revoke", subject: "user:7001", centerId: A, before: { role: "specialist", target: `specialist:${sA.id}`, note: "x".repeat(80) } },
      new Date("2026-12-02T05:00:00Z"),
    );
    const admin = cityAdmin();
    await admin.send("/admin");
    const [first] = h.texts(await admin.click(ru("admin-button-audit")));
    const entries = first!.split("\n\n");
    expect(entries[0]).toBe(ru("admin-audit", { count: 12, page: 1, pages: 2 }));
    expect(entries).toHaveLength(11);
    const before = JSON.stringify({ role: "specialist", target: `specialist:${sA.id}`, note: "x".repeat(80) });
    expect(entries[1]).toBe(`<b>2026-12-02 10:00</b> · ${MANAGER} · role.revoke\nuser:7001 · ${A}\n${before.slice(0, 59)}… → —`);
    expect(entries[2]).toBe(`<b>2026-12-01 09:10</b> · ${CITY_ADMIN} · card.revoke\ncard:10\n{"revoked_at":null} → {"revoked_at":"2026-12-01T04:10:00.000Z"}`);
    expect(admin.buttons().map((b) => b.text)).toEqual([ru("staff-page-next"), ru("admin-audit-button-export"), ru("button-back")]);

    const [second] = h.texts(await admin.click(ru("staff-page-next")));
    expect(second!.split("\n\n")).toEqual([
      ru("admin-audit", { count: 12, page: 2, pages: 2 }),
      `<b>2026-12-01 09:01</b> · ${CITY_ADMIN} · card.revoke\ncard:1\n{"revoked_at":null} → {"revoked_at":"2026-12-01T04:01:00.000Z"}`,
      `<b>2026-12-01 09:00</b> · ${CITY_ADMIN} · card.revoke\ncard:0\n{"revoked_at":null} → {"revoked_at":"2026-12-01T04:00:00.000Z"}`,
    ]);
    expect(h.texts(await admin.click(ru("button-back")))).toEqual([ru("admin-home-city")]);
  });

  it("is not a center administrator's", async () => {
    await h.grantCenter(MANAGER, A);
    await record(1);
    const person = manager();
    for (const data of ["adm:audit:0", "adm:audit-csv"]) {
      const batch = await person.press(data);
      expect(alerts(batch)).toEqual([ru("staff-not-allowed")]);
      expect(batch.some((c) => c.method === "sendDocument")).toBe(false);
    }
  });

  it("exports the whole log as CSV in UTF-8 with a byte order mark, oldest first, that reads back column by column", async () => {
    await record(2);
    await recordAudit(
      h.db,
      { actorId: CITY_ADMIN, action: "partner.add", subject: "partner:3", after: { name: "Театр «Ақ, \"жол\"»", category: "culture" } },
      new Date("2026-12-02T05:00:00Z"),
    );
    const admin = cityAdmin();
    const batch = await admin.press("adm:audit-csv");
    const sent = batch.find((c) => c.method === "sendDocument")!;
    expect(sent.payload.caption).toBe(ru("admin-audit-exported", { count: 3 }));
    const bytes = sent.files!.document!;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse<Record<string, string>>(bytes, { bom: true, columns: true });
    expect(rows).toEqual([
      {
        at: "2026-12-01 09:00",
        actor: String(CITY_ADMIN),
        action: "card.revoke",
        subject: "card:0",
        center: "",
        before: '{"revoked_at":null}',
        after: '{"revoked_at":"2026-12-01T04:00:00.000Z"}',
      },
      {
        at: "2026-12-01 09:01",
        actor: String(CITY_ADMIN),
        action: "card.revoke",
        subject: "card:1",
        center: "",
        before: '{"revoked_at":null}',
        after: '{"revoked_at":"2026-12-01T04:01:00.000Z"}',
      },
      {
        at: "2026-12-02 10:00",
        actor: String(CITY_ADMIN),
        action: "partner.add",
        subject: "partner:3",
        center: "",
        before: "",
        after: JSON.stringify({ name: "Театр «Ақ, \"жол\"»", category: "culture" }),
      },
    ]);
    expect(Object.keys(rows[0]!)).toEqual(["at", "actor", "action", "subject", "center", "before", "after"]);
  });
});
