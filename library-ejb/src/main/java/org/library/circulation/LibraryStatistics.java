package org.library.circulation;

import java.io.Serializable;

/** The figures of the home page. */
public record LibraryStatistics(long titles, long copies, long copiesOut, long members, long overdueLoans) implements Serializable {
}
