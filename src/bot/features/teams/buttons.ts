import { defineScreen, int } from "../../shared/callback-data.js";

/** A team's card, and what a person does there. */
export const teamCard = defineScreen("teams:team", { team: int(9) });
export const joinTeamButton = defineScreen("teams:join", { team: int(9) });
export const leaveTeamButton = defineScreen("teams:leave", { team: int(9) });

/** The coordinator's side: a team's requests and members, and the answer to one request. */
export const manageTeam = defineScreen("teams:manage", { team: int(9) });
export const acceptRequest = defineScreen("teams:accept", { request: int(12) });
export const declineRequest = defineScreen("teams:decline", { request: int(12) });
