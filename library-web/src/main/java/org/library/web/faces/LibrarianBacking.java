package org.library.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.library.staff.Librarian;
import org.library.staff.Profile;
import org.library.staff.ProfileContent;
import org.library.staff.StaffService;

/**
 * One librarian ({@code librarian.xhtml?id=1}) and their profile (Librarian 1:1 Profile), which
 * is created or changed right here, through the librarian.
 */
@Named
@ViewScoped
public class LibrarianBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StaffService staff;

    private Long id;
    private Librarian librarian;
    private Long profileVersion;
    private String bio;
    private String phone;
    private String office;

    public void load() {
        librarian = staff.librarian(id);
        librarian.getProfile().ifPresent(profile -> {
            profileVersion = profile.getVersion();
            bio = profile.getBio();
            phone = profile.getPhone();
            office = profile.getOffice();
        });
    }

    public String saveProfile() {
        staff.putProfile(id, profileVersion, new ProfileContent(bio, phone, office));
        Messages.flash("The profile of " + librarian.getName() + " was saved.");
        return Messages.redirect("librarian", id);
    }

    public String removeProfile() {
        staff.removeProfile(id, profileVersion);
        Messages.flash("The profile of " + librarian.getName() + " was removed.");
        return Messages.redirect("librarian", id);
    }

    public Profile getProfile() {
        return librarian.getProfile().orElse(null);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Librarian getLibrarian() {
        return librarian;
    }

    public String getBio() {
        return bio;
    }

    public void setBio(String bio) {
        this.bio = bio;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getOffice() {
        return office;
    }

    public void setOffice(String office) {
        this.office = office;
    }
}
