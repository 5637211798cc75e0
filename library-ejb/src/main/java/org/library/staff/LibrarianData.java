package org.library.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.library.platform.EmailAddress;
import org.library.platform.Limits;

/** What a caller supplies to create or change a librarian; the employee number is fixed at creation. */
public record LibrarianData(
        @NotNull EmployeeNumber employeeNumber,
        @NotBlank @Size(max = Limits.NAME_LENGTH) String name,
        @NotNull EmailAddress email) {
}
