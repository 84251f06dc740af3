package org.leadcrm.demo;

import java.time.Duration;

/** What one {@link LargeDatasetGenerator#generate} run added, and how long it took. */
public record GeneratedData(long contacts, int lists, long listMembers, long opportunities, long opportunityLinks,
        Duration took) {
}
