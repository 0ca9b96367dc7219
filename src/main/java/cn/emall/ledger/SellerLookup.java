package cn.emall.ledger;

import cn.emall.ledger.model.SupplierStanding;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a batch needs to know of the suppliers and listings it sells, read in one statement each. */
@ApplicationScoped
class SellerLookup {

    /**
     * The standing of these suppliers, by id, locked for share in id order until the transaction ends:
     * none is terminated while the batch records its sales.
     */
    Map<Long, SupplierStanding> lockSuppliers(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, SupplierStanding> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        try (PreparedStatement s = connection.prepareStatement("select id, status, admitted_on, terminated_on from supplier "
                + "where id = any(?) order by id for share")) {
            s.setArray(1, connection.createArrayOf("int8", ids.toArray(Long[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getLong(1), new SupplierStanding(rs.getString(2), rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class)));
                }
            }
        }
        return result;
    }

    /** The supplier of each of these listings, by listing id; a listing that does not exist has no entry. */
    Map<Long, Long> productOwners(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, Long> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        try (PreparedStatement s = connection.prepareStatement("select id, supplier_id from product where id = any(?)")) {
            s.setArray(1, connection.createArrayOf("int8", ids.toArray(Long[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return result;
    }
}
