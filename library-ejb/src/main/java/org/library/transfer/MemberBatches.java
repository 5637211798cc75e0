package org.library.transfer;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.library.changes.ChangeAction;
import org.library.changes.ChangeLog;
import org.library.changes.RecordType;
import org.library.members.Member;
import org.library.platform.DatabaseMigration;
import org.library.platform.access.Guarded;
import org.library.platform.access.Roles;
import org.library.platform.access.Allowed;

/**
 * Writes one batch of a members import, in a transaction of its own: a batch is committed or not
 * at all, and a failure never undoes the batches before it. JDBC batches instead of the entities,
 * for the reasons {@link BookBatches} gives: one look-up of the card numbers and one of the e-mail
 * addresses already there, one batched INSERT, one batched UPDATE; the rows were checked against
 * the service's input record before they got here, and every constraint applies as to any write.
 */
@Stateless
@Guarded
@Allowed(Roles.MEMBERS_WRITE)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MemberBatches {

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    /** What became of a batch of members. */
    public record MemberOutcome(int created, int updated, int unchanged, List<RowError> rejected) {
    }

    private record StoredMember(long id, String name, String email, LocalDate joinedOn, boolean active) {
    }

    /**
     * @param progress the import's counts before the batch: written with the batch's added, in its transaction
     * @throws BatchConflictException  when a concurrent change makes the batch fail; nothing of it is written
     * @throws ImportStoppedException when the import was ended meanwhile; nothing of the batch is written
     */
    public MemberOutcome writeMembers(List<MemberLine> lines, ImportJob.Checkpoint progress) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, StoredMember> stored = storedMembers(connection, lines.stream().map(MemberLine::memberNumber).toList());
            Map<String, String> emailOwners = emailOwners(connection, lines.stream().map(MemberLine::email).toList());
            List<RowError> rejected = new ArrayList<>();
            List<MemberLine> inserts = new ArrayList<>();
            List<MemberLine> updates = new ArrayList<>();
            int unchanged = 0;
            LocalDate today = LocalDate.now(clock);
            for (MemberLine line : lines) {
                String owner = emailOwners.get(line.email());
                StoredMember member = stored.get(line.memberNumber());
                if (owner != null && !owner.equals(line.memberNumber())) {
                    rejected.add(new RowError(line.line(), "email: " + line.email()
                            + " is already the address of member " + owner));
                } else if (member == null) {
                    inserts.add(line);
                } else if (member.name().equals(line.name()) && member.email().equals(line.email())
                        && member.joinedOn().equals(Objects.requireNonNullElse(line.joinedOn(), member.joinedOn()))
                        && member.active() == Objects.requireNonNullElse(line.active(), member.active())) {
                    unchanged++;
                } else {
                    updates.add(line);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO members (member_number, name, email, joined_on, active, version) VALUES (?, ?, ?, ?, ?, 1)")) {
                for (MemberLine line : inserts) {
                    insert.setString(1, line.memberNumber());
                    insert.setString(2, line.name());
                    insert.setString(3, line.email());
                    insert.setDate(4, Date.valueOf(Objects.requireNonNullElse(line.joinedOn(), today)));
                    insert.setInt(5, Objects.requireNonNullElse(line.active(), true) ? 1 : 0);
                    insert.addBatch();
                }
                ImportJdbc.execute(insert, inserts.size());
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE members SET name = ?, email = ?, joined_on = ?, active = ?, version = version + 1 WHERE id = ?")) {
                for (MemberLine line : updates) {
                    StoredMember member = stored.get(line.memberNumber());
                    update.setString(1, line.name());
                    update.setString(2, line.email());
                    update.setDate(3, Date.valueOf(Objects.requireNonNullElse(line.joinedOn(), member.joinedOn())));
                    update.setInt(4, Objects.requireNonNullElse(line.active(), member.active()) ? 1 : 0);
                    update.setLong(5, member.id());
                    update.addBatch();
                }
                ImportJdbc.execute(update, updates.size());
            }
            logChanges(connection, inserts, updates);
            ImportJobs.save(connection, progress, new ImportJobs.BatchCounts(inserts.size(), updates.size(), unchanged, rejected),
                    clock.millis());
            return new MemberOutcome(inserts.size(), updates.size(), unchanged, rejected);
        } catch (SQLException e) {
            throw ImportJdbc.conflictOrFailure(e);
        }
    }

    /** The change log's entries of the rows written, read back as they now are, in the batch's transaction. */
    private void logChanges(Connection connection, List<MemberLine> inserts, List<MemberLine> updates) throws SQLException {
        Set<String> created = new HashSet<>();
        inserts.forEach(line -> created.add(line.memberNumber()));
        Set<String> written = new LinkedHashSet<>(created);
        updates.forEach(line -> written.add(line.memberNumber()));
        List<ChangeLog.Logged> logged = new ArrayList<>();
        ImportJdbc.lookUp(connection, "SELECT id, member_number, name, email, joined_on, active, version FROM members "
                + "WHERE member_number IN ", written, rs -> logged.add(new ChangeLog.Logged(RecordType.MEMBER, rs.getLong(1),
                created.contains(rs.getString(2)) ? ChangeAction.CREATED : ChangeAction.UPDATED, rs.getLong(7),
                Member.state(rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(), rs.getInt(6) != 0))));
        ChangeLog.append(connection, logged, clock.millis());
    }

    // ---- members ---------------------------------------------------------------------------

    private static Map<String, StoredMember> storedMembers(Connection connection, Collection<String> numbers) throws SQLException {
        Map<String, StoredMember> stored = new HashMap<>();
        ImportJdbc.lookUp(connection, "SELECT member_number, id, name, email, joined_on, active FROM members WHERE member_number IN ",
                new LinkedHashSet<>(numbers), rs -> stored.put(rs.getString(1), new StoredMember(rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(), rs.getInt(6) != 0)));
        return stored;
    }

    /** E-mail address to the card number of the member who has it. */
    private static Map<String, String> emailOwners(Connection connection, Collection<String> emails) throws SQLException {
        Map<String, String> owners = new HashMap<>();
        ImportJdbc.lookUp(connection, "SELECT email, member_number FROM members WHERE email IN ", new LinkedHashSet<>(emails),
                rs -> owners.put(rs.getString(1), rs.getString(2)));
        return owners;
    }
}
