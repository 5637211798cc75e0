package org.library.notices;

/** One attempt to hand a notice to the mail server, for the metrics. */
public record NoticeAttempt(boolean sent) {
}
