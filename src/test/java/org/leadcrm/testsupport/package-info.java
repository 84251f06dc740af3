/**
 * What every Spring test stands on. {@link org.leadcrm.testsupport.TestDatabaseInitializer} gives
 * each application context an empty database of the kind the build asks for (the Surefire
 * executions run the suite once on H2 and once on embedded PostgreSQL);
 * {@link org.leadcrm.testsupport.IntegrationTest} is the one base class, so that all tests share
 * one context per database; {@link org.leadcrm.testsupport.TestData} writes fixtures and empties
 * the tables before each test.
 */
package org.leadcrm.testsupport;
