package io.hyperx.app.projections;

import io.hyperx.kernel.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The non-unique indexes of the tables a rebuild empties ({@link ProjectionTables}) are dropped for the rebuild and
 * built again at its end: one sorted build per index instead of an index insert per row replayed. Each definition is
 * kept in {@code deferred_projection_index}, written in the transaction of the drop, until the index is built again;
 * so a process that ends mid-rebuild loses no index: the next start of any HyperX process builds what is left there.
 */
@Component
class DeferredIndexes {

    private static final Logger log = LoggerFactory.getLogger(DeferredIndexes.class);

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    DeferredIndexes(ApplicationContext context, JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.context = context;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The tables that the projections of {@code groups} declare, as written in their {@link ProjectionTables}. */
    List<String> tablesOf(Collection<String> groups) {
        return context.getBeansWithAnnotation(ProjectionTables.class).values().stream()
                .map(AopUtils::getTargetClass)
                .filter(type -> {
                    ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
                    return group != null && groups.contains(group.value());
                })
                .flatMap(type -> List.of(type.getAnnotation(ProjectionTables.class).value()).stream())
                .distinct()
                .toList();
    }

    /** Drops the non-unique indexes of {@code tables} (not those behind a constraint), keeping their definitions. */
    void drop(List<String> tables) {
        if (tables.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            List<Map<String, Object>> indexes = jdbc.queryForList("""
                    SELECT i.indexrelid::regclass::text AS index_name, i.indrelid::regclass::text AS table_name,
                           pg_get_indexdef(i.indexrelid) AS definition
                    FROM pg_index i
                    WHERE i.indrelid = ANY (?::regclass[]) AND NOT i.indisunique AND NOT i.indisprimary
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)""",
                    (Object) tables.toArray(String[]::new));
            for (Map<String, Object> index : indexes) {
                jdbc.update("""
                        INSERT INTO deferred_projection_index (index_name, table_name, definition)
                        VALUES (?, ?, ?)""", index.get("index_name"), index.get("table_name"), index.get("definition"));
                jdbc.execute("DROP INDEX " + index.get("index_name"));
            }
            log.info("Dropped {} indexes of {} for the rebuild", indexes.size(), String.join(", ", tables));
        });
    }

    /**
     * Builds again the deferred indexes of {@code tables}, several at a time (each build is one PostgreSQL process);
     * each index is built and forgotten in one transaction.
     */
    void build(List<String> tables) {
        List<String> names = jdbc.queryForList(
                "SELECT index_name FROM deferred_projection_index WHERE table_name = ANY (?) ORDER BY index_name",
                String.class, (Object) tables.toArray(String[]::new));
        names.parallelStream().forEach(this::build);
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildLeftovers() {
        List<String> names = jdbc.queryForList("SELECT index_name FROM deferred_projection_index ORDER BY index_name",
                String.class);
        if (!names.isEmpty()) {
            log.warn("Building {} projection indexes that an unfinished rebuild had dropped: {}", names.size(),
                    String.join(", ", names));
            names.forEach(this::build);
        }
    }

    private void build(String index) {
        transactions.executeWithoutResult(status -> {
            List<String> definition = jdbc.queryForList(
                    "DELETE FROM deferred_projection_index WHERE index_name = ? RETURNING definition", String.class,
                    index);
            if (!definition.isEmpty()) {
                long started = System.nanoTime();
                jdbc.execute(definition.get(0).replaceFirst("^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "));
                log.info("Built {} in {} ms", index, (System.nanoTime() - started) / 1_000_000);
            }
        });
    }
}
