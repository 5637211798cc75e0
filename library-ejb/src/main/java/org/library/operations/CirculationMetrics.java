package org.library.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.library.circulation.CirculationEvent;
import org.library.circulation.CirculationRefusal;
import org.library.circulation.CirculationQueries;

/**
 * The business metrics of circulation, in the application registry ({@code /metrics}, scope
 * {@code application}):
 *
 * <ul>
 * <li>one counter per kind of {@link CirculationEvent}: {@code loans.made}, {@code loans.returned},
 * {@code loans.renewed}, {@code holds.placed}, {@code holds.ready}, {@code holds.cancelled},
 * {@code holds.expired}; counted after the commit, so that a rolled-back operation does not count;
 * <li>{@code circulation.refusals} counts refusals by {@code operation} and {@code reason};
 * <li>{@code loans.active} is the number of open loans, counted by the database when read.
 * </ul>
 *
 * <p>Counted here, from the events the circulation service fires where the business happens, so
 * that the REST API and the desk pages count alike and circulation needs no MicroProfile type.
 */
@ApplicationScoped
public class CirculationMetrics {

    private static final Logger LOG = Logger.getLogger(CirculationMetrics.class.getPackageName());

    @Inject
    MetricRegistry registry;

    @Inject
    CirculationQueries queries;

    private final Map<CirculationEvent.Kind, Counter> events = new EnumMap<>(CirculationEvent.Kind.class);

    /** Every counter exists from the start, at 0: a rate needs a first value. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        for (CirculationEvent.Kind kind : CirculationEvent.Kind.values()) {
            events.put(kind, registry.counter(Metadata.builder().withName(metricName(kind))
                    .withDescription("Circulation: " + tagValue(kind).replace('-', ' ') + ", committed")
                    .withUnit(MetricUnits.NONE).build()));
        }
        registry.gauge(Metadata.builder().withName("loans.active")
                        .withDescription("Open loans (copies out now), counted in the database").build(),
                this, CirculationMetrics::activeLoans);
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) CirculationEvent event) {
        events.get(event.kind()).inc();
    }

    void count(@Observes CirculationRefusal refusal) {
        registry.counter(Metadata.builder().withName("circulation.refusals")
                        .withDescription("Circulation operations refused by a rule, by operation and reason").build(),
                new Tag("operation", tagValue(refusal.operation())), new Tag("reason", refusal.reason())).inc();
    }

    /** NaN when the database does not answer: the scrape still succeeds, and readiness tells why. */
    double activeLoans() {
        try {
            return queries.activeLoans();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "loans.active: the database does not answer", e);
            return Double.NaN;
        }
    }

    /** LOAN_MADE: loans.made */
    static String metricName(CirculationEvent.Kind kind) {
        String[] words = kind.name().toLowerCase(Locale.ROOT).split("_");
        return words[0] + "s." + words[1];
    }

    private static String tagValue(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
