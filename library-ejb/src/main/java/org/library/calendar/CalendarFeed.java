package org.library.calendar;

import java.util.List;
import org.library.circulation.Hold;
import org.library.circulation.Loan;

/** What a member's calendar shows: their open loans and their ready holds, each with its book. */
public record CalendarFeed(List<Loan> openLoans, List<Hold> readyHolds) {
}
