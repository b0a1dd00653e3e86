import { describe, expect, it } from "vitest";
import { standInDetails, standInsAfterWriting, type StandInFlags } from "../../src/domain/stand-ins.js";

const ALL: StandInFlags = { address_placeholder: 1, hours_placeholder: 1, phone_placeholder: 1, location_placeholder: 1 };
const NONE: StandInFlags = { address_placeholder: 0, hours_placeholder: 0, phone_placeholder: 0, location_placeholder: 0 };

describe("standInDetails", () => {
  it("names the details still standing in", () => {
    expect(standInDetails(ALL)).toEqual(["address_placeholder", "hours_placeholder", "phone_placeholder", "location_placeholder"]);
    expect(standInDetails({ ...NONE, phone_placeholder: 1 })).toEqual(["phone_placeholder"]);
    expect(standInDetails(NONE)).toEqual([]);
  });
});

describe("standInsAfterWriting", () => {
  it.each([
    // One language of a detail is enough to make the detail real.
    { current: ALL, columns: ["address_ru"], expected: { address_placeholder: 0, placeholder: 1 } },
    { current: ALL, columns: ["latitude", "longitude", "phone"], expected: { phone_placeholder: 0, location_placeholder: 0, placeholder: 1 } },
    // Columns that are no stand-in's leave every flag as it was.
    { current: ALL, columns: ["name_kk", "name_ru", "open_24_7"], expected: { placeholder: 1 } },
    { current: { ...NONE, hours_placeholder: 1 }, columns: ["hours_kk", "hours_ru"], expected: { hours_placeholder: 0, placeholder: 0 } },
    { current: NONE, columns: ["phone"], expected: { phone_placeholder: 0, placeholder: 0 } },
    // A new center: every detail written, none a stand-in.
    {
      current: {},
      columns: ["address_kk", "address_ru", "hours_kk", "hours_ru", "phone", "latitude", "longitude"],
      expected: { ...NONE, placeholder: 0 },
    },
  ])("writing $columns", ({ current, columns, expected }) => {
    expect(standInsAfterWriting(current, columns)).toEqual(expected);
  });
});
