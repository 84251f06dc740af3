/**
 * Demo and scale data. {@link org.leadcrm.demo.DemoDataSeeder} fills an empty embedded
 * database on first start with a small, realistic and reproducible data set (a user of every
 * role, contacts, lists of both kinds with exclusions, opportunities), so that the app can be
 * tried at once. {@link org.leadcrm.demo.LargeDatasetGenerator} adds up to millions of
 * contacts for scale tests and benchmarks. Neither runs in production: the seeder runs only for
 * {@code ./mvnw spring-boot:run} on embedded H2 or when asked for (see
 * {@link org.leadcrm.demo.DemoDataCondition}), and the generator runs only when asked to.
 */
@NullMarked
package org.leadcrm.demo;

import org.jspecify.annotations.NullMarked;
