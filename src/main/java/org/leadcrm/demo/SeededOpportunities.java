package org.leadcrm.demo;

/** How many opportunities the seeding made, and their links to contacts. */
record SeededOpportunities(int opportunities, int links) {
}
