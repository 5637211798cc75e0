/**
 * A member's private calendar: their due dates and pickup deadlines as an iCalendar feed (RFC
 * 5545) at a URL holding a random secret ({@link org.library.calendar.CalendarFeeds}), which
 * calendar applications subscribe to without logging in. The secret opens this feed only: it is
 * no API token and no password. Depends on circulation and members; nothing depends on it but the
 * privacy export and the web module.
 */
package org.library.calendar;
