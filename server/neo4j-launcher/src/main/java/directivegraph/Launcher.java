package directivegraph;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Starts Neo4j Community (embedded API) with a Bolt connector on loopback and APOC from a plugins folder.
 *
 * Arguments: --home DIR --plugins DIR --port N [--pagecache BYTES] [--tx-timeout SECONDS] [--tx-memory BYTES]
 * [--watch-stdin]. --tx-memory is the most memory one transaction may take (db.memory.transaction.max; Neo4j's
 * default when absent), which Neo4j Community cannot change once started.
 * Prints "DG-NEO4J READY bolt://127.0.0.1:N" once the database answers, or "DG-NEO4J ERROR ..." and exits
 * non-zero. With --watch-stdin it shuts down when its standard input closes (the parent process died).
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = parse(argv);
        Path home = Path.of(require(args, "home"));
        Path plugins = Path.of(require(args, "plugins"));
        int port = Integer.parseInt(require(args, "port"));
        long pagecache = Long.parseLong(args.getOrDefault("pagecache", String.valueOf(64L * 1024 * 1024)));
        long txTimeout = Long.parseLong(args.getOrDefault("tx-timeout", "0"));
        long txMemory = Long.parseLong(args.getOrDefault("tx-memory", "0"));

        if (!portFree(port)) {
            fail(3, "port " + port + " on 127.0.0.1 is already in use");
        }

        DatabaseManagementService dbms;
        try {
            DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.plugin_dir, plugins)
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pagecache)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                    // Bolt waits 5 s for idle connections and 5 s for its thread pool on shutdown by default: a
                    // local server with its clients already gone stops 10 s sooner without the wait.
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(100))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(100));
            if (txTimeout > 0) {
                builder.setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeout));
            }
            if (txMemory > 0) {
                builder.setConfig(GraphDatabaseSettings.memory_transaction_max_size, txMemory);
            }
            dbms = builder.build();
        } catch (Throwable t) {
            fail(4, "Neo4j did not start: " + rootMessage(t));
            return;
        }

        final DatabaseManagementService service = dbms;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.shutdown();
            } catch (Throwable ignored) {
                // already shutting down
            }
        }, "neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofSeconds(120).toMillis())) {
            fail(5, "database did not become available within 120 s");
        }
        System.out.println("DG-NEO4J READY bolt://127.0.0.1:" + port);
        System.out.flush();

        if (args.containsKey("watch-stdin")) {
            try {
                while (System.in.read() != -1) {
                    // discard
                }
            } catch (IOException ignored) {
                // parent gone
            }
            System.exit(0);
        }
        Thread.currentThread().join();
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + ": " + c.getMessage();
    }

    private static void fail(int status, String message) {
        System.out.println("DG-NEO4J ERROR " + message);
        System.out.flush();
        System.exit(status);
    }

    private static String require(Map<String, String> args, String key) {
        String v = args.get(key);
        if (v == null) {
            fail(2, "missing --" + key);
        }
        return v;
    }

    private static Map<String, String> parse(String[] argv) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) {
                continue;
            }
            String key = a.substring(2);
            if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                out.put(key, argv[++i]);
            } else {
                out.put(key, "true");
            }
        }
        return out;
    }
}
