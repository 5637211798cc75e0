package org.library.web.faces;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.library.circulation.CirculationQueries;
import org.library.circulation.LibraryStatistics;

/** Home: the library's figures and a quick search into the catalogue. */
@Named
@RequestScoped
public class HomeBacking {

    @Inject
    private CirculationQueries queries;

    private LibraryStatistics statistics;

    @PostConstruct
    void load() {
        statistics = queries.statistics();
    }

    public LibraryStatistics getStatistics() {
        return statistics;
    }
}
