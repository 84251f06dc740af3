package org.leadcrm.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Makes the n-th SQL statement that the current thread executes fail, to check that an operation
 * failing at any of its statements leaves the database as it was; or counts the statements. Every connection of the test
 * application passes through {@link #wrap}; nothing is counted or failed on a thread that has
 * not asked for it, so the rest of the suite runs as usual.
 */
public final class StatementFaults {

    private static final ThreadLocal<Plan> PLAN = new ThreadLocal<>();

    private StatementFaults() {
    }

    /**
     * Runs {@code work} with its {@code n}-th statement (from 1) failing with an {@link SQLException}.
     *
     * @return what happened: whether the fault was injected (the work had at least {@code n}
     *         statements) and what the work threw, if anything
     */
    public static Outcome runFailingStatement(int n, Runnable work) {
        Plan plan = new Plan(n);
        PLAN.set(plan);
        try {
            work.run();
            return new Outcome(plan.injected, null);
        } catch (RuntimeException thrown) {
            return new Outcome(plan.injected, thrown);
        } finally {
            PLAN.remove();
        }
    }

    /** The number of SQL statements {@code work} executes on this thread. */
    public static int countStatements(Runnable work) {
        Plan plan = new Plan(Integer.MAX_VALUE);
        PLAN.set(plan);
        try {
            work.run();
            return plan.executed;
        } finally {
            PLAN.remove();
        }
    }

    /** @param thrown what the work threw, or null if it completed */
    public record Outcome(boolean injected, RuntimeException thrown) {
    }

    /** The application's data source, with every statement counted on threads that run a plan. */
    static DataSource wrap(DataSource target) {
        return new FaultyDataSource(target);
    }

    private static void beforeExecute(String method) throws SQLException {
        Plan plan = PLAN.get();
        if (plan != null && ++plan.executed == plan.failAt) {
            plan.injected = true;
            throw new SQLException("Injected fault at statement " + plan.failAt + " (" + method + ")");
        }
    }

    private static final class Plan {
        final int failAt;
        int executed;
        boolean injected;

        Plan(int failAt) {
            this.failAt = failAt;
        }
    }

    private static final class FaultyDataSource extends DelegatingDataSource implements AutoCloseable {

        FaultyDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connection(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connection(super.getConnection(username, password));
        }

        @Override
        public void close() throws Exception {
            if (getTargetDataSource() instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }

        private static Connection connection(Connection target) {
            return proxy(Connection.class, target, (method, result) -> switch (method.getName()) {
                case "createStatement" -> proxy(Statement.class, result, StatementFaults::statementResult);
                case "prepareStatement" -> proxy(PreparedStatement.class, result, StatementFaults::statementResult);
                case "prepareCall" -> proxy(CallableStatement.class, result, StatementFaults::statementResult);
                default -> result;
            }, method -> { });
        }
    }

    private static Object statementResult(Method method, Object result) {
        return result;
    }

    /** A proxy that calls {@code before} ahead of each method and passes each result through {@code after}. */
    private static <T> T proxy(Class<T> type, Object target, ResultMapper after, Before before) {
        InvocationHandler handler = (proxy, method, args) -> {
            before.accept(method);
            try {
                return after.map(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(StatementFaults.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static <T> T proxy(Class<T> type, Object target, ResultMapper after) {
        return proxy(type, target, after, method -> {
            if (method.getName().startsWith("execute")) {
                beforeExecute(method.getName());
            }
        });
    }

    @FunctionalInterface
    private interface ResultMapper {
        Object map(Method method, Object result) throws Throwable;
    }

    @FunctionalInterface
    private interface Before {
        void accept(Method method) throws SQLException;
    }
}
