package org.library.staff;

import org.library.platform.BusinessRuleException;

public class DuplicateEmployeeNumberException extends BusinessRuleException {

    private static final long serialVersionUID = 1L;

    public DuplicateEmployeeNumberException(String number) {
        super("Employee number " + number + " is already in use.");
    }

    @Override
    public String code() {
        return "duplicate-employee-number";
    }
}
