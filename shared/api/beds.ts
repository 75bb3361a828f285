/** 床位: beds, rooms and occupancy (owned by the beds feature). */

export const bedsApi = {};
