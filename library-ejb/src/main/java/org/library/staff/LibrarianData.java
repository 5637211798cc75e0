package org.library.staff;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a caller supplies to create or change a librarian; the employee number is fixed at creation. */
public record LibrarianData(
        @NotNull EmployeeNumber employeeNumber,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email) {
}
