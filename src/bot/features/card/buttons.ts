import { PARTNER_CATEGORIES } from "../../../domain/card.js";
import { defineScreen, int, oneOf } from "../../shared/callback-data.js";

/** The holder's side: partners by category (paged), and reissuing with its confirmation. */
export const cardPartners = defineScreen("card:partners");
export const cardCategory = defineScreen("card:category", { category: oneOf(PARTNER_CATEGORIES), page: int(3) });
export const cardReissue = defineScreen("card:reissue");
export const cardReissueYes = defineScreen("card:reissue-yes");
export const cardReissueNo = defineScreen("card:reissue-no");

/** An administrator's card screen (/card <number>), its revocation, and a new issue of a revoked one. */
export const adminCard = defineScreen("card-admin:card", { card: int(10) });
export const adminRevoke = defineScreen("card-admin:revoke", { card: int(10) });
export const adminRevokeYes = defineScreen("card-admin:revoke-yes", { card: int(10) });
export const adminRestore = defineScreen("card-admin:restore", { card: int(10) });

/** An administrator's partners: the list (paged), one partner, its invite link, ending it, a new one. */
export const adminPartners = defineScreen("card-admin:partners", { page: int(3) });
export const adminPartner = defineScreen("card-admin:partner", { partner: int(10) });
export const adminPartnerLink = defineScreen("card-admin:link", { partner: int(10) });
export const adminPartnerRemove = defineScreen("card-admin:remove", { partner: int(10) });
export const adminPartnerRemoveYes = defineScreen("card-admin:remove-yes", { partner: int(10) });
export const adminPartnerNew = defineScreen("card-admin:new");
/** Ended partnerships, one taken up again, and a partner's category and benefits changed. */
export const adminPartnersEnded = defineScreen("card-admin:ended");
export const adminPartnerReactivate = defineScreen("card-admin:reactivate", { partner: int(10) });
export const adminPartnerCategory = defineScreen("card-admin:category", { partner: int(10) });
export const adminPartnerSetCategory = defineScreen("card-admin:set-category", { partner: int(10), category: oneOf(PARTNER_CATEGORIES) });
export const adminPartnerBenefits = defineScreen("card-admin:benefits", { partner: int(10) });

/** Every button only administrators may press. */
export const ADMIN_BUTTONS = [
  adminCard,
  adminRevoke,
  adminRevokeYes,
  adminRestore,
  adminPartners,
  adminPartner,
  adminPartnerLink,
  adminPartnerRemove,
  adminPartnerRemoveYes,
  adminPartnerNew,
  adminPartnersEnded,
  adminPartnerReactivate,
  adminPartnerCategory,
  adminPartnerSetCategory,
  adminPartnerBenefits,
];
