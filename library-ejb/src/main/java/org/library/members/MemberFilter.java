package org.library.members;

import org.library.platform.SearchText;

/**
 * Which members a list shows; every part is optional.
 *
 * @param text   matches the name (case-insensitive, anywhere), the member number or the e-mail
 * @param active only active ({@code true}) or only inactive ({@code false}) members
 */
public record MemberFilter(String text, Boolean active) {

    public static final MemberFilter ALL = new MemberFilter(null, null);

    /** @throws org.library.platform.InvalidInputException when the text is longer than {@link SearchText#MAX_LENGTH} */
    public MemberFilter {
        text = SearchText.bounded("q", text);
    }
}
