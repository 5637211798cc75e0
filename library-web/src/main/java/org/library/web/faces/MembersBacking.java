package org.library.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.library.members.Member;
import org.library.members.MemberFilter;
import org.library.members.MemberService;
import org.library.platform.SortOrder;

/**
 * The members ({@code members.xhtml?q=ada&status=active}): by name, card number or e-mail, a page
 * at a time.
 */
@Named
@ViewScoped
public class MembersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MemberService members;

    private String q;
    /** {@code active}, {@code inactive} or empty for all. */
    private String status;

    private final ServicePageModel<Member> model = new ServicePageModel<>(
            (request, sort) -> members.members(new MemberFilter(q, active()), request, sort),
            SortOrder.asc("name"), Member::getId);

    private Boolean active() {
        return "active".equals(status) ? Boolean.TRUE : "inactive".equals(status) ? Boolean.FALSE : null;
    }

    public ServicePageModel<Member> getMembers() {
        return model;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
