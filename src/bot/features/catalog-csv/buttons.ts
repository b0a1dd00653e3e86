import { CSV_KINDS } from "../../../domain/catalog-csv.js";
import { defineScreen, defineStep, oneOf } from "../../shared/callback-data.js";

/** The catalog's CSV files: the screen, a file sent, and a file to be sent back. */
export const csvHome = defineScreen("adm-csv:home");
export const csvExport = defineScreen("adm-csv:x", { kind: oneOf(CSV_KINDS) });
export const csvImport = defineScreen("adm-csv:i", { kind: oneOf(CSV_KINDS) });

/** Applying the checked file, or not. */
export const applyStep = defineStep("csv-apply");
