import { defineScreen, oneOf } from "../../shared/callback-data.js";
import { REPORTS } from "./reports.js";

/** The figures' home: the headline and the reports. */
export const figuresHome = defineScreen("fig:home");
/** One report's figures as a message, with its CSV and chart. */
export const figuresReport = defineScreen("fig:rep", { report: oneOf(REPORTS) });
export const figuresCsv = defineScreen("fig:csv", { report: oneOf(REPORTS) });
export const figuresChart = defineScreen("fig:png", { report: oneOf(REPORTS) });
/** Turns a city administrator's weekly summary on or off, from the figures' home or under a summary. */
export const weeklyReportSwitch = defineScreen("fig:weekly", { to: oneOf(["on", "off"] as const), at: oneOf(["home", "notice"] as const) });
