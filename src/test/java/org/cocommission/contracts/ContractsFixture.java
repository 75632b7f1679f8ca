package org.cocommission.contracts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.cocommission.identity.ActingAs;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.platform.FinancialYear;

/**
 * What contracts' tests stand on: the published payments excerpts, a year's file imported with the register fed from
 * it, and users.
 * <p>
 * Imported ({@code @Import(ContractsFixture.class)}, beside {@code @SpringBootTest} and {@code @AutoConfigureMockMvc})
 * by every contracts test that needs the whole application, which therefore share one application context and one
 * database. They stay apart by their own codes and years: a year's import replaces the year; the register takes each
 * practice's type from the latest year that lists it; a CCG's co-commissioning level decides who decides its cases;
 * and an overdue case is escalated to every user of its area team.
 * <ul>
 * <li>{@code ContractsApiTests}: area team {@code Q44} with CCGs {@code 01C} and {@code 02D} (no level), practices
 * {@code N81632}, {@code N81112}, {@code N81013} and {@code N81021} (in no directory), users {@code ct-*}; payments of
 * 2014/15, 2018/19 (refused), 2019/20, 2020/21 (the 2014/15 rows, {@code N81021} turned GMS) and 2022/23; no other
 * class's practice code starts with {@code N81}, which its search of the register by code reads;</li>
 * <li>{@code PaymentsImportTests}: the same files for 2014/15, 2019/20 and 2022/23 (the same rows, so that either
 * import leaves the other's as it was); its own years 2017/18, 2021/22, 2024/25, 2026/27 and 2035/36 (refused),
 * 2023/24, 2025/26, 2027/28 and 2029/30 to 2033/34; practices {@code A81001} to {@code A81003}, {@code B00000} to
 * {@code B01999} and {@code P99001};</li>
 * <li>{@code PaymentsKeptReadsTests}: 2028/29, practices {@code Y99001} and {@code Y99002};</li>
 * <li>{@code PaymentsMigrationTests}: a schema of its own, dropped when done;</li>
 * <li>{@code ContractCasesScenarioTests}: area team {@code Q48} with CCGs {@code 99A} (delegated 2015/16 and 2016/17)
 * and {@code 01J}, practices {@code N82001}, {@code N82002}, {@code N84001} and {@code N82099}, payments of 2015/16
 * (before its merger, whose entry must head the survivor's history), users {@code owner-01j} and
 * {@code area-q48};</li>
 * <li>{@code ContractsDoneWhenTests}: area team {@code Q46} with CCGs {@code 00T} (delegated from 1 April 2015) and
 * {@code 01G}, practices {@code P82001}, {@code P82002}, {@code P87001} and {@code P82099}, payments of 2016/17, users
 * {@code dw-*}; it counts its own cases only.</li>
 * </ul>
 * Every region is {@code Y01}, imported alike by each. Cases are each class's own, on its own practices; the
 * reminders' test sends the escalations of every older case first, so that it counts its own.
 */
public class ContractsFixture {

	/** Every fixture user's password. */
	public static final String PASSWORD = "contracts-fixture-password";

	private final UserAccounts accounts;

	private final Payments payments;

	ContractsFixture(UserAccounts accounts, Payments payments) {
		this.accounts = accounts;
		this.payments = payments;
	}

	/** A published excerpt as its bytes: {@code payments-14-15.csv}, {@code payments-19-20.csv}, ... */
	public static byte[] resource(String name) {
		try (InputStream in = ContractsFixture.class.getResourceAsStream("/contracts/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The 2014/15 excerpt (four practices of Eastern Cheshire in area team Q44, N81021 not in any test's directory)
	 * with each of {@code replacements}' texts replaced: other codes and names, the same figures.
	 */
	public static byte[] payments2014To15As(Map<String, String> replacements) {
		String file = new String(resource("payments-14-15.csv"), StandardCharsets.UTF_8);
		for (Map.Entry<String, String> replacement : replacements.entrySet()) {
			if (!file.contains(replacement.getKey())) {
				throw new IllegalArgumentException("No " + replacement.getKey() + " in the 2014/15 excerpt");
			}
			file = file.replace(replacement.getKey(), replacement.getValue());
		}
		return file.getBytes(StandardCharsets.UTF_8);
	}

	/** Imports {@code file} as {@code year}'s, as the system, and waits for the register to be fed from it. */
	public PaymentsImportReport importPayments(FinancialYear year, byte[] file) {
		PaymentsImportReport report = ActingAs.system(() -> payments.importFile(year, "payments.csv",
				new ByteArrayInputStream(file)));
		payments.feedRegister();
		return report;
	}

	/** A user with {@link #PASSWORD}, made once. */
	public void user(String username, String name, String email, Role role, String organisation) {
		if (accounts.find(username).isEmpty()) {
			accounts.create(new NewUser(username, name, email, role, organisation, PASSWORD));
		}
	}
}
