import { defineScreen, int, oneOf } from "../../shared/callback-data.js";

/** What a team's administration screen offers to change, one flow each. */
export const TEAM_FIELDS = ["names", "descriptions", "category", "place"] as const;
export type TeamField = (typeof TEAM_FIELDS)[number];

const team = int(9);

/** The teams of the administrator's centers (the city's for a city administrator), one team, a change, winding it up, a new one. */
export const teamsAdmin = defineScreen("tmadm:list");
export const teamAdmin = defineScreen("tmadm:team", { team });
export const editTeamButton = defineScreen("tmadm:edit", { team, field: oneOf(TEAM_FIELDS) });
export const closeTeamButton = defineScreen("tmadm:close", { team });
export const closeTeamYes = defineScreen("tmadm:close-yes", { team });
export const newTeamButton = defineScreen("tmadm:new");
