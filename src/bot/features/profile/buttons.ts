import { DISTRICTS } from "../../../domain/districts.js";
import { LANGUAGES } from "../../../domain/language.js";
import { OCCUPATIONS } from "../../../domain/profile.js";
import { defineScreen, oneOf } from "../../shared/callback-data.js";

/** The fields typed anew rather than chosen. */
export const EDITABLE_BY_TEXT = ["name", "age", "phone"] as const;
export type TextField = (typeof EDITABLE_BY_TEXT)[number];

/** The profile's buttons: a field typed anew, a field's choices, and a choice saved. */
export const editByText = defineScreen("profile:edit", { field: oneOf(EDITABLE_BY_TEXT) });
export const chooseDistrict = defineScreen("profile:district");
export const chooseOccupation = defineScreen("profile:occupation");
export const chooseLanguage = defineScreen("profile:language");
export const setDistrict = defineScreen("profile:set-district", { district: oneOf(DISTRICTS) });
export const setOccupation = defineScreen("profile:set-occupation", { occupation: oneOf([...OCCUPATIONS, "skip"]) });
export const setLanguage = defineScreen("profile:set-language", { language: oneOf(LANGUAGES) });
export const toggleNotifications = defineScreen("profile:notifications");
export const removePhone = defineScreen("profile:remove-phone");
