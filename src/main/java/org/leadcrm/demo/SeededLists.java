package org.leadcrm.demo;

/** How many lists the seeding made, and their memberships and exclusions. */
record SeededLists(int lists, int members, int exclusions) {
}
