package org.library.web.faces;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.library.circulation.CirculationService;
import org.library.circulation.LibraryStatistics;

/** Home: the library's figures and a quick search into the catalogue. */
@Named
@ViewScoped
public class HomeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CirculationService circulation;

    private LibraryStatistics statistics;

    @PostConstruct
    void load() {
        statistics = circulation.statistics();
    }

    public LibraryStatistics getStatistics() {
        return statistics;
    }
}
