package org.library.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.library.members.Member;
import org.library.members.MemberData;
import org.library.members.MemberNumber;
import org.library.members.MemberService;
import org.library.platform.EmailAddress;
import org.library.platform.FieldViolation;
import org.library.platform.Inputs;
import org.library.platform.NaturalKey;

/** Enrols a member ({@code member-edit.xhtml}) or changes one ({@code ?id=12}). */
@Named
@ViewScoped
public class MemberEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MemberService members;

    @Inject
    private Inputs inputs;

    private Long id;
    private Long version;
    private String memberNumber;
    private String name;
    private String email;
    private LocalDate joinedOn;
    private boolean active = true;

    public void load() {
        if (id != null) {
            Member member = members.member(id);
            version = member.getVersion();
            memberNumber = member.getMemberNumber();
            name = member.getName();
            email = member.getEmail();
            joinedOn = member.getJoinedOn();
            active = member.isActive();
        }
    }

    public String save() {
        List<FieldViolation> refused = new ArrayList<>();
        MemberData data = new MemberData(
                NaturalKey.parse("memberNumber", memberNumber, MemberNumber::parse, MemberNumber.FORM, refused), name,
                NaturalKey.parse("email", email, EmailAddress::parse, EmailAddress.FORM, refused), joinedOn, active);
        inputs.refuseWithTheRest(refused, data);
        Member saved = isCreating() ? members.create(data) : members.update(id, version, data);
        Messages.flash(saved.getName() + " (" + saved.getMemberNumber() + ")" + (isCreating() ? " is now a member." : " was saved."));
        return Messages.redirect("member", saved.getId());
    }

    public boolean isCreating() {
        return id == null;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getMemberNumber() {
        return memberNumber;
    }

    public void setMemberNumber(String memberNumber) {
        this.memberNumber = memberNumber;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public LocalDate getJoinedOn() {
        return joinedOn;
    }

    public void setJoinedOn(LocalDate joinedOn) {
        this.joinedOn = joinedOn;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
