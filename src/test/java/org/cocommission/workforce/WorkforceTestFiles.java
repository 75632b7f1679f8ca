package org.cocommission.workforce;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Crafted workforce files as NHS Digital publishes them, and a small directory for them, written into the tables. */
public final class WorkforceTestFiles {

	static final String BOM = "\uFEFF";

	/**
	 * September 2015, with a byte order mark and CRLF line ends: WFA1 in CCG WFC1 (10,000 patients, 6 GP FTE),
	 * WFA2 in WFC1 with its GP FTE withheld, WFB1 in WFC2 (5,000 patients, 3.5 GP FTE), and ZZZ999, which the
	 * directory does not know; an unknown column.
	 */
	public static final String DETAILED_2015_09 = BOM
			+ "PRAC_CODE,PRAC_NAME,CCG_CODE,EXTRACT_DATE,TOTAL_PATIENTS,TOTAL_GP_HC,TOTAL_GP_FTE,TOTAL_GP_EXTGL_HC,"
			+ "TOTAL_GP_EXTGL_FTE,TOTAL_GP_PTNR_PROV_HC,TOTAL_GP_SAL_BY_PRAC_HC,TOTAL_GP_LOCUM_VAC_HC,"
			+ "TOTAL_GP_TRN_GR_HC,TOTAL_NURSES_HC,TOTAL_NURSES_FTE,TOTAL_DPC_FTE,TOTAL_ADMIN_FTE,"
			+ "TOTAL_GP_HC_UNDER30,TOTAL_GP_HC_55TO59,TOTAL_GP_HC_60TO64,MALE_GP_HC,FEMALE_GP_HC,MYSTERY_COLUMN\r\n"
			+ "WFA1,The First Surgery,WFC1,30/09/2015,10000,8,6.0,6,5.0,4,2,1,1,3,2.5,1.2,9.0,1,2,1,4,4,x\r\n"
			+ "WFA2,The Second Surgery,WFC1,30/09/2015,4000,ND,ND,ND,ND,2,0,0,0,1,0.8,0.4,3.0,0,ND,0,ND,ND,x\r\n"
			+ "WFB1,Third Medical Centre,WFC2,30/09/2015,5000,4,3.5,4,3.5,3,1,0,0,2,1.5,0.5,4.5,0,1,0,2,2,x\r\n"
			+ "ZZZ999,Unknown Surgery,WFC2,30/09/2015,2000,1,1.0,1,1.0,1,0,0,0,1,0.5,0,1.0,0,0,0,1,0,x\r\n";

	/** An older vintage: registrars and "excluding locums" under their 2015 names, no EXTRACT_DATE (month given). */
	static final String DETAILED_OLD_VINTAGE = "PRACTICE_CODE,PRACTICE_NAME,CCG_CODE,TOTAL_REG_PATIENTS,TOTAL_GP_HC,"
			+ "TOTAL_GP_FTE,TOTAL_GP_EXL_FTE,TOTAL_GP_REG_FTE,TOTAL_NURSE_FTE\n"
			+ "WFA1,The First Surgery,WFC1,9800,7,5.5,4.5,1.0,2.0\n";

	/** Errors on rows 3 (not a number), 4 (no practice code) and 5 (the first practice again). */
	static final String DETAILED_WITH_ERRORS = "PRAC_CODE,PRAC_NAME,TOTAL_PATIENTS,TOTAL_GP_FTE\n"
			+ "WFA1,The First Surgery,10000,6.0\n" + "WFA2,The Second Surgery,4000,six\n" + ",No Code,100,1.0\n"
			+ "WFA1,The First Surgery,10000,6.0\n";

	/** The long file: WFA1's GP FTE over three roles, WFB1 with a withheld role. */
	static final String HIGH_LEVEL_2015_12 = BOM + "PRAC_CODE,PRAC_NAME,STAFF_GROUP,DETAILED_STAFF_ROLE,MEASURE,VALUE\r\n"
			+ "WFA1,The First Surgery,GP,Partner/Provider,FTE,3.5\r\n"
			+ "WFA1,The First Surgery,GP,Salaried By Practice,FTE,2.0\r\n"
			+ "WFA1,The First Surgery,GP,Locum,FTE,0.5\r\n" + "WFA1,The First Surgery,GP,Partner/Provider,Headcount,4\r\n"
			+ "WFA1,The First Surgery,Nurses,Practice Nurse,FTE,2.0\r\n"
			+ "WFB1,Third Medical Centre,GP,Partner/Provider,FTE,3.0\r\n"
			+ "WFB1,Third Medical Centre,GP,Locum,FTE,ND\r\n";

	/**
	 * September 2016, every staff group and partners against salaried GPs: WFA1 (10,000 patients, 6 GP FTE of 20 staff
	 * FTE, 4 partners and 1 salaried), WFA2 (4,000, 2 of 8, partners withheld), WFB1 (5,000, 2.5 of 10, 1 and 1).
	 */
	static final String DETAILED_2016_09 = "PRAC_CODE,PRAC_NAME,CCG_CODE,EXTRACT_DATE,TOTAL_PATIENTS,TOTAL_GP_FTE,"
			+ "TOTAL_NURSES_FTE,TOTAL_DPC_FTE,TOTAL_ADMIN_FTE,TOTAL_GP_PTNR_PROV_FTE,TOTAL_GP_SAL_BY_PRAC_FTE\n"
			+ "WFA1,The First Surgery,WFC1,2016-09-30,10000,6.0,2.0,1.0,11.0,4.0,1.0\n"
			+ "WFA2,The Second Surgery,WFC1,2016-09-30,4000,2.0,1.0,0.5,4.5,ND,1.0\n"
			+ "WFB1,Third Medical Centre,WFC2,2016-09-30,5000,2.5,1.5,0.5,5.5,1.0,1.0\n";

	/** NHS Payments to General Practice 2016/17: weighted lists of 12,000 for WFA1 and 4,000 for WFB1 (none for WFA2). */
	static final String PAYMENTS_2016 = "Practice Code,Practice Name,Contract Type,"
			+ "Number of Registered Patients (Last Known Figure),Number of Weighted Patients (Last Known Figure),"
			+ "Global Sum,Total NHS Payments to General Practice\n" + "WFA1,ONE,GMS,10000,12000,1000,2000\n"
			+ "WFB1,THREE,PMS,5000,4000,500,900\n";

	/** GPs grew 21% and consultants 76% from 2000 to 2014, the comparison the seeds quote. */
	static final String HCHS = "YEAR,STAFF_GROUP,FTE\r\n" + "2000,Consultants,21000\r\n" + "2000,GPs,30000\r\n"
			+ "2007,Consultants,30000\r\n" + "2007,GPs,33000\r\n" + "2014,Consultants,36960\r\n" + "2014,GPs,36300\r\n";

	private WorkforceTestFiles() {
	}

	public static InputStream csv(String content) {
		return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
	}

	/** Area team WFQ with CCGs WFC1 (WFA1, WFA2) and WFC2 (WFB1) since April 2013. */
	public static void directory(JdbcClient jdbc) {
		organisation(jdbc, "WFQ", "AREA_TEAM", "Workforce area team");
		organisation(jdbc, "WFC1", "CCG", "NHS Workforce One CCG");
		organisation(jdbc, "WFC2", "CCG", "NHS Workforce Two CCG");
		link(jdbc, "WFC1", "WFQ");
		link(jdbc, "WFC2", "WFQ");
		for (String[] practice : new String[][] { { "WFA1", "WFC1" }, { "WFA2", "WFC1" }, { "WFB1", "WFC2" } }) {
			organisation(jdbc, practice[0], "GP_PRACTICE", "Practice " + practice[0]);
			link(jdbc, practice[0], practice[1]);
		}
	}

	/** ICB WFI, of which WFC2 is a sub-ICB location from 1 July 2022. */
	static void icb(JdbcClient jdbc) {
		organisation(jdbc, "WFI", "ICB", "NHS Workforce Integrated Care Board");
		jdbc.sql("insert into directory_relationship (child_code, parent_code, valid_from, valid_to)"
				+ " select 'WFC2', 'WFI', ?, null where not exists (select 1 from directory_relationship"
				+ " where child_code = 'WFC2' and parent_code = 'WFI')")
			.param(LocalDate.of(2022, 7, 1))
			.update();
	}

	private static void organisation(JdbcClient jdbc, String code, String type, String name) {
		jdbc.sql("insert into directory_organisation (code, type, name, status, prescribing_setting)"
				+ " values (?, ?, ?, 'A', ?) on conflict (code) do nothing")
			.params(code, type, name, "GP_PRACTICE".equals(type) ? 4 : null)
			.update();
	}

	private static void link(JdbcClient jdbc, String child, String parent) {
		jdbc.sql("insert into directory_relationship (child_code, parent_code, valid_from, valid_to)"
				+ " select ?, ?, ?, null where not exists (select 1 from directory_relationship where child_code = ?)")
			.params(child, parent, LocalDate.of(2013, 4, 1), child)
			.update();
	}
}
