package org.leadcrm.bench;

import java.io.Closeable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * For {@code -Dbench.profile=true} only: wraps the application's DataSource so that every SQL
 * statement the services (and the baselines) run is timed one by one, and, while {@link #explain}
 * is on, data-changing statements are run as {@code EXPLAIN ANALYZE} instead, so that the plan of
 * each statement of a real service call is printed with its actual row counts and times
 * ({@code EXPLAIN ANALYZE} executes the statement; the update count returned is then 0). Queries
 * are explained and then run for real, as they have no side effects.
 */
final class StatementProfiler implements BeanPostProcessor {

    record Executed(String sql, double millis, String plan) {
    }

    static volatile boolean recording;
    static volatile boolean explain;
    static volatile BenchDb db;
    private static final List<Executed> EXECUTED = Collections.synchronizedList(new ArrayList<>());

    static List<Executed> drain() {
        synchronized (EXECUTED) {
            List<Executed> copy = new ArrayList<>(EXECUTED);
            EXECUTED.clear();
            return copy;
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class, Closeable.class},
                    new Forwarding(dataSource, (target, method, args) -> {
                        Object result = invoke(target, method, args);
                        return result instanceof Connection connection ? connection(connection) : result;
                    }));
        }
        return bean;
    }

    private static Connection connection(Connection connection) {
        return (Connection) Proxy.newProxyInstance(StatementProfiler.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Forwarding(connection, (target, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof PreparedStatement prepared && args != null && args[0] instanceof String sql) {
                        return statement(connection, prepared, sql, PreparedStatement.class);
                    }
                    if (result instanceof Statement statement && !(result instanceof PreparedStatement)) {
                        return statement(connection, statement, null, Statement.class);
                    }
                    return result;
                }));
    }

    private static Statement statement(Connection connection, Statement statement, String preparedSql, Class<?> type) {
        List<Object[]> parameters = new ArrayList<>();
        return (Statement) Proxy.newProxyInstance(StatementProfiler.class.getClassLoader(), new Class<?>[] {type},
                new Forwarding(statement, (target, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                        parameters.add(new Object[] {method, args});
                    }
                    if (!recording || !name.startsWith("execute") || name.equals("executeBatch")) {
                        return invoke(target, method, args);
                    }
                    String sql = preparedSql != null ? preparedSql : (String) args[0];
                    String verb = sql.strip().toLowerCase(Locale.ROOT);
                    boolean changes = verb.startsWith("insert") || verb.startsWith("delete") || verb.startsWith("update");
                    long t = System.nanoTime();
                    boolean explainable = changes || verb.startsWith("select") || verb.startsWith("with");
                    if (explain && explainable) {
                        String plan = explain(connection, sql, preparedSql != null ? parameters : List.of());
                        EXECUTED.add(new Executed(sql, (System.nanoTime() - t) / 1e6, plan));
                        if (changes) {
                            return name.equals("execute") ? Boolean.FALSE : (Object) Integer.valueOf(0);
                        }
                        return invoke(target, method, args); // a query has no side effect: run it for real too
                    }
                    Object result = invoke(target, method, args);
                    EXECUTED.add(new Executed(sql, (System.nanoTime() - t) / 1e6, null));
                    return result;
                }));
    }

    private static String explain(Connection connection, String sql, List<Object[]> parameters) throws SQLException {
        String prefix = db == BenchDb.POSTGRES ? "explain (analyze, buffers) " : "explain analyze ";
        try (PreparedStatement explained = connection.prepareStatement(prefix + sql)) {
            for (Object[] parameter : parameters) {
                try {
                    ((Method) parameter[0]).invoke(explained, (Object[]) parameter[1]);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new SQLException(e);
                }
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = explained.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface Call {
        Object call(Object target, Method method, Object[] args) throws Throwable;
    }

    /** Forwards every call, {@code unwrap} and {@code isWrapperFor} to the wrapped object itself. */
    private record Forwarding(Object target, Call call) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "unwrap":
                    return ((Class<?>) args[0]).isInstance(target) ? target
                            : StatementProfiler.invoke(target, method, args);
                case "isWrapperFor":
                    return ((Class<?>) args[0]).isInstance(target) || (Boolean) StatementProfiler.invoke(target, method, args);
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "profiled " + target;
                default:
                    return call.call(target, method, args);
            }
        }
    }
}
