package org.cocommission.demo;

import java.util.Arrays;
import java.util.List;

/**
 * The shape of NHS England in 2013 that the demo dataset is generated from: 4 regions, 27 area teams and the 211
 * CCGs under them, with the postcode areas, dialling codes and old practice-code letters of each area. Names follow
 * the 2013 organisations; codes are in the ODS style and partly invented. Sizes are not here: they are drawn.
 */
final class England {

	record Region(String code, String name, String town, String postcode) {
	}

	/**
	 * An area team; {@code ccgs} are CCG place names (the postcode area and dialling code at the same position, or
	 * the last ones, belong to the CCG), each optionally prefixed by markers for the generator:
	 * {@code +} a large CCG, {@code -} a small one, {@code ~} an older (coastal or rural) population, {@code ^} a
	 * university town; and optionally suffixed by {@code |town,town} when the name is not itself a list of towns.
	 */
	record AreaTeam(String code, String name, String region, char practiceLetter, List<String> postcodeAreas,
			List<String> diallingCodes, List<String> ccgs, List<String> anchoredCcgCodes) {
	}

	static final List<Region> REGIONS = List.of(new Region("Y54", "NORTH OF ENGLAND", "LEEDS", "LS2 7UE"),
			new Region("Y55", "MIDLANDS AND EAST OF ENGLAND", "BIRMINGHAM", "B16 9RG"),
			new Region("Y56", "LONDON", "LONDON", "SE1 6LH"), new Region("Y57", "SOUTH OF ENGLAND", "BRISTOL", "BS1 6GA"));

	/** In region order; within a region the first listed are the first kept when the dataset is scaled down. */
	static final List<AreaTeam> AREA_TEAMS = List.of(
			team("Q74", "DURHAM, DARLINGTON AND TEES", "Y54", 'A', "DL DL DH TS TS",
					"01325 01388 0191 01642 01642",
					"-Darlington; Durham Dales, Easington and Sedgefield|Bishop Auckland,Peterlee,Sedgefield,Barnard Castle;"
							+ " North Durham|Durham,Chester-le-Street,Stanley,Consett; Hartlepool and Stockton-on-Tees;"
							+ " South Tees|Middlesbrough,Redcar,Guisborough",
					"00C 00D 00J 00K 00M"),
			team("Q44", "CHESHIRE, WARRINGTON AND WIRRAL", "Y54", 'N', "SK CW CW WA CH CH",
					"01625 01270 01606 01925 01244 0151",
					"Eastern Cheshire|Macclesfield,Congleton,Knutsford,Wilmslow; South Cheshire|Crewe,Nantwich,Sandbach;"
							+ " -Vale Royal|Northwich,Winsford; Warrington; West Cheshire|Chester,Ellesmere Port,Neston;"
							+ " ~Wirral|Birkenhead,Wallasey,Bebington,Heswall",
					"01C 01R 02D 02E 02F 12F"),
			team("Q49", "CUMBRIA, NORTHUMBERLAND, TYNE AND WEAR", "Y54", 'A', "CA NE NE NE NE NE NE SR",
					"01228 01670 0191 0191 0191 0191 0191 0191",
					"+~Cumbria|Carlisle,Kendal,Workington,Barrow-in-Furness,Penrith; +~Northumberland|Morpeth,Hexham,Blyth,Alnwick,Cramlington;"
							+ " ^Newcastle North and East|Newcastle upon Tyne; Newcastle West|Newcastle upon Tyne; Gateshead;"
							+ " North Tyneside|North Shields,Wallsend,Whitley Bay; -South Tyneside|South Shields,Jarrow,Hebburn; Sunderland",
					""),
			team("Q46", "GREATER MANCHESTER", "Y54", 'P', "BL BL M M M OL OL M SK SK M WN",
					"01204 0161 0161 0161 0161 01706 0161 0161 0161 0161 0161 01942",
					"Bolton; -Bury; ^Central Manchester|Manchester; North Manchester|Manchester; South Manchester|Manchester;"
							+ " Heywood, Middleton and Rochdale; Oldham; Salford; +Stockport; Tameside and Glossop|Ashton-under-Lyne,Hyde,Glossop;"
							+ " Trafford|Sale,Altrincham,Stretford; +Wigan Borough|Wigan,Leigh",
					""),
			team("Q47", "LANCASHIRE", "Y54", 'P', "BB FY PR BB FY PR LA L",
					"01254 01253 01257 01282 01253 01772 01524 01695",
					"Blackburn with Darwen|Blackburn,Darwen; -~Blackpool; Chorley and South Ribble|Chorley,Leyland,Penwortham;"
							+ " +East Lancashire|Burnley,Accrington,Nelson,Clitheroe; ~Fylde and Wyre|Lytham St Annes,Fleetwood,Poulton-le-Fylde;"
							+ " Greater Preston|Preston; ^Lancashire North|Lancaster,Morecambe,Carnforth; West Lancashire|Ormskirk,Skelmersdale",
					""),
			team("Q48", "MERSEYSIDE", "Y54", 'N', "WA L L L PR WA",
					"0151 0151 0151 0151 01704 01744",
					"-Halton|Widnes,Runcorn; -Knowsley|Huyton,Kirkby,Prescot; +^Liverpool; -South Sefton|Bootle,Maghull,Crosby;"
							+ " -~Southport and Formby; St Helens",
					""),
			team("Q50", "NORTH YORKSHIRE AND HUMBER", "Y54", 'B', "DL HG YO YO HU HU DN DN",
					"01609 01423 01723 01904 01482 01482 01724 01472",
					"-~Hambleton, Richmondshire and Whitby|Northallerton,Richmond,Whitby,Thirsk; -Harrogate and Rural District|Harrogate,Ripon,Knaresborough;"
							+ " -~Scarborough and Ryedale|Scarborough,Malton,Pickering; +Vale of York|York,Selby,Easingwold;"
							+ " +~East Riding of Yorkshire|Beverley,Bridlington,Goole,Driffield; ^Hull; -North Lincolnshire|Scunthorpe,Brigg;"
							+ " -North East Lincolnshire|Grimsby,Cleethorpes,Immingham",
					""),
			team("Q51", "SOUTH YORKSHIRE AND BASSETLAW", "Y54", 'C', "S S DN S S",
					"01226 01909 01302 01709 0114",
					"Barnsley; -Bassetlaw|Worksop,Retford; +Doncaster; Rotherham; +^Sheffield", ""),
			team("Q52", "WEST YORKSHIRE", "Y54", 'B', "BD BD BD HX HD WF LS LS LS WF",
					"01535 01274 01274 01422 01484 01924 0113 0113 0113 01924",
					"Airedale, Wharfedale and Craven|Keighley,Skipton,Ilkley; -Bradford City|Bradford; Bradford Districts|Bradford,Shipley,Bingley;"
							+ " Calderdale|Halifax,Brighouse,Todmorden; Greater Huddersfield|Huddersfield,Holmfirth; North Kirklees|Dewsbury,Batley;"
							+ " ^Leeds North|Leeds; Leeds South and East|Leeds; Leeds West|Leeds,Pudsey; +Wakefield|Wakefield,Pontefract,Castleford",
					""),
			team("Q53", "ARDEN, HEREFORDSHIRE AND WORCESTERSHIRE", "Y55", 'M', "CV CV CV HR B WR DY",
					"024 01926 024 01432 01527 01905 01562",
					"+^Coventry and Rugby; South Warwickshire|Warwick,Leamington Spa,Stratford-upon-Avon;"
							+ " Warwickshire North|Nuneaton,Bedworth,Atherstone; ~Herefordshire|Hereford,Leominster,Ross-on-Wye;"
							+ " -Redditch and Bromsgrove; South Worcestershire|Worcester,Malvern,Evesham; -Wyre Forest|Kidderminster,Stourport-on-Severn",
					""),
			team("Q54", "BIRMINGHAM AND THE BLACK COUNTRY", "Y55", 'M', "B B B B DY WS WV",
					"0121 0121 0121 0121 01384 01922 01902",
					"+^Birmingham CrossCity|Birmingham; Birmingham South and Central|Birmingham; Solihull;"
							+ " +Sandwell and West Birmingham|West Bromwich,Smethwick,Oldbury; Dudley|Dudley,Stourbridge,Halesowen; Walsall; Wolverhampton",
					""),
			team("Q55", "DERBYSHIRE AND NOTTINGHAMSHIRE", "Y55", 'C', "DE S S DE NG NG NG NG NG NG",
					"0115 01246 01246 01332 01623 01636 0115 0115 0115 0115",
					"-Erewash|Ilkeston,Long Eaton; -Hardwick|Clay Cross,Bolsover,Shirebrook; North Derbyshire|Chesterfield,Buxton,Matlock;"
							+ " +Southern Derbyshire|Derby,Swadlincote,Belper; Mansfield and Ashfield|Mansfield,Sutton-in-Ashfield,Kirkby-in-Ashfield;"
							+ " -Newark and Sherwood|Newark-on-Trent,Ollerton,Southwell; +^Nottingham City|Nottingham;"
							+ " Nottingham North and East|Arnold,Carlton,Hucknall; -Nottingham West|Beeston,Stapleford; -Rushcliffe|West Bridgford,Bingham",
					""),
			team("Q56", "EAST ANGLIA", "Y55", 'D', "CB NR IP NR NR NR PE IP",
					"01223 01493 01473 01263 01603 01953 01553 01284",
					"+^Cambridgeshire and Peterborough|Cambridge,Peterborough,Huntingdon,Ely,Wisbech; ~Great Yarmouth and Waveney|Great Yarmouth,Lowestoft,Beccles;"
							+ " Ipswich and East Suffolk|Ipswich,Felixstowe,Woodbridge; -~North Norfolk|Cromer,North Walsham,Fakenham;"
							+ " ^Norwich; South Norfolk|Wymondham,Diss,Attleborough; -~West Norfolk|King's Lynn,Hunstanton,Downham Market;"
							+ " West Suffolk|Bury St Edmunds,Newmarket,Haverhill",
					""),
			team("Q57", "ESSEX", "Y55", 'F', "SS SS CM CO SS RM CM",
					"01268 01268 01245 01206 01702 01375 01279",
					"Basildon and Brentwood; -~Castle Point and Rochford|Canvey Island,Rayleigh,Rochford; +Mid Essex|Chelmsford,Braintree,Maldon;"
							+ " ~North East Essex|Colchester,Clacton-on-Sea,Harwich; ~Southend|Southend-on-Sea; -Thurrock|Grays,Tilbury,Stanford-le-Hope;"
							+ " West Essex|Harlow,Epping,Loughton",
					""),
			team("Q58", "HERTFORDSHIRE AND THE SOUTH MIDLANDS", "Y55", 'E', "MK LU SG WD MK NN NN",
					"01234 01582 01438 01923 01908 01536 01604",
					"+Bedfordshire|Bedford,Dunstable,Leighton Buzzard; Luton; +East and North Hertfordshire|Stevenage,Hertford,Welwyn Garden City,Hitchin;"
							+ " +Herts Valleys|Watford,St Albans,Hemel Hempstead; Milton Keynes; -Corby; +Nene|Northampton,Kettering,Wellingborough",
					""),
			team("Q59", "LEICESTERSHIRE AND LINCOLNSHIRE", "Y55", 'C', "LE LE LE PE LN PE NG",
					"0116 0116 01509 01205 01522 01775 01476",
					"East Leicestershire and Rutland|Oadby,Market Harborough,Oakham,Melton Mowbray; +^Leicester City|Leicester;"
							+ " +West Leicestershire|Loughborough,Coalville,Hinckley; ~Lincolnshire East|Boston,Skegness,Louth;"
							+ " ^Lincolnshire West|Lincoln,Gainsborough; South Lincolnshire|Spalding,Stamford,Bourne; -South West Lincolnshire|Grantham,Sleaford",
					""),
			team("Q60", "SHROPSHIRE AND STAFFORDSHIRE", "Y55", 'M', "SY TF WS DE ST B ST ST",
					"01743 01952 01543 01283 01782 01827 01785 01782",
					"+~Shropshire|Shrewsbury,Oswestry,Bridgnorth,Ludlow; Telford and Wrekin|Telford,Newport; -Cannock Chase|Cannock,Rugeley;"
							+ " -East Staffordshire|Burton upon Trent,Uttoxeter; North Staffordshire|Newcastle-under-Lyme,Leek,Kidsgrove;"
							+ " South East Staffordshire and Seisdon Peninsula|Tamworth,Lichfield,Codsall; -Stafford and Surrounds|Stafford,Stone;"
							+ " Stoke on Trent|Stoke-on-Trent",
					""),
			team("Q71", "NORTH CENTRAL AND EAST LONDON", "Y56", 'F', "N NW EN N N E E E E IG RM IG",
					"020",
					"Barnet; ^Camden; Enfield; Haringey; ^Islington; City and Hackney; Newham; Tower Hamlets; Waltham Forest;"
							+ " Barking and Dagenham; Havering; Redbridge",
					""),
			team("Q72", "NORTH WEST LONDON", "Y56", 'E', "NW W W W HA UB TW W",
					"020",
					"Brent; ^Central London; Ealing; -Hammersmith and Fulham; Harrow; Hillingdon; Hounslow; West London", ""),
			team("Q73", "SOUTH LONDON", "Y56", 'G', "DA BR CR SE KT SW SE SW TW SE SM SW",
					"020",
					"Bexley; Bromley; +Croydon; Greenwich; -Kingston; Lambeth; Lewisham; -Merton; -Richmond; Southwark; -Sutton; Wandsworth",
					""),
			team("Q64", "BATH, GLOUCESTERSHIRE, SWINDON AND WILTSHIRE", "Y57", 'L', "BA GL SN SP",
					"01225 01452 01793 01722",
					"^Bath and North East Somerset|Bath,Keynsham,Midsomer Norton; +Gloucestershire|Gloucester,Cheltenham,Stroud,Cirencester;"
							+ " Swindon; +~Wiltshire|Salisbury,Trowbridge,Chippenham,Devizes",
					""),
			team("Q65", "BRISTOL, NORTH SOMERSET, SOMERSET AND SOUTH GLOUCESTERSHIRE", "Y57", 'L', "BS BS TA BS",
					"0117 01934 01823 01454",
					"+^Bristol; ~North Somerset|Weston-super-Mare,Clevedon,Portishead; +~Somerset|Taunton,Yeovil,Bridgwater,Frome;"
							+ " South Gloucestershire|Yate,Thornbury,Filton",
					""),
			team("Q66", "DEVON, CORNWALL AND ISLES OF SCILLY", "Y57", 'L', "TR EX TQ",
					"01872 01392 01803",
					"+~Kernow|Truro,Penzance,Falmouth,Newquay,St Austell,Bodmin; +^Northern, Eastern and Western Devon|Exeter,Plymouth,Barnstaple,Tiverton;"
							+ " ~South Devon and Torbay|Torquay,Paignton,Newton Abbot,Totnes",
					""),
			team("Q67", "KENT AND MEDWAY", "Y57", 'G', "TN CT DA ME CT ME CT ME",
					"01233 01227 01322 01634 01303 01795 01843 01622",
					"-Ashford; ^Canterbury and Coastal|Canterbury,Whitstable,Herne Bay; Dartford, Gravesham and Swanley|Dartford,Gravesend,Swanley;"
							+ " Medway|Chatham,Gillingham,Rochester; ~South Kent Coast|Folkestone,Dover,Deal; -Swale|Sittingbourne,Faversham,Sheerness;"
							+ " -~Thanet|Margate,Ramsgate,Broadstairs; +West Kent|Maidstone,Tunbridge Wells,Tonbridge,Sevenoaks",
					""),
			team("Q68", "SURREY AND SUSSEX", "Y57", 'H', "BN BN RH BN TN BN RH RH GU KT KT GU GU",
					"01273 01903 01293 01323 01424 01273 01403 01737 01483 01932 01372 01276 01252",
					"^Brighton and Hove; +~Coastal West Sussex|Worthing,Bognor Regis,Chichester,Littlehampton; -Crawley;"
							+ " ~Eastbourne, Hailsham and Seaford; -~Hastings and Rother|Hastings,Bexhill-on-Sea,Rye;"
							+ " High Weald Lewes Havens|Lewes,Uckfield,Crowborough,Newhaven; Horsham and Mid Sussex|Horsham,Haywards Heath,Burgess Hill;"
							+ " -East Surrey|Redhill,Reigate,Caterham; ^Guildford and Waverley|Guildford,Godalming,Farnham;"
							+ " North West Surrey|Woking,Weybridge,Chertsey; Surrey Downs|Epsom,Leatherhead,Dorking; -Surrey Heath|Camberley,Frimley;"
							+ " North East Hampshire and Farnham|Aldershot,Fleet,Farnborough",
					""),
			team("Q69", "THAMES VALLEY", "Y57", 'K', "HP HP RG RG RG SL RG SL RG OX",
					"01296 01494 01344 01635 0118 01753 0118 01628 0118 01865",
					"Aylesbury Vale|Aylesbury,Buckingham; Chiltern|High Wycombe,Amersham,Chesham; -Bracknell and Ascot|Bracknell,Ascot;"
							+ " -Newbury and District|Newbury,Thatcham,Hungerford; -North and West Reading|Reading,Tilehurst,Pangbourne; -Slough;"
							+ " -South Reading|Reading; -Windsor, Ascot and Maidenhead|Windsor,Maidenhead; -Wokingham|Wokingham,Woodley;"
							+ " +^Oxfordshire|Oxford,Banbury,Abingdon,Witney,Bicester",
					""),
			team("Q70", "WESSEX", "Y57", 'J', "DT PO PO RG PO SO PO SO",
					"01305 01329 01983 01256 023 023 023 01962",
					"+~Dorset|Dorchester,Bournemouth,Poole,Weymouth,Bridport; Fareham and Gosport; -~Isle of Wight|Newport,Ryde,Sandown;"
							+ " North Hampshire|Basingstoke,Andover; ^Portsmouth; ^Southampton; South Eastern Hampshire|Havant,Waterlooville,Petersfield;"
							+ " +West Hampshire|Winchester,Eastleigh,Romsey,Lymington",
					""));

	static final List<String> CSU_NAMES = List.of("NORTH EAST", "WEST AND SOUTH YORKSHIRE AND BASSETLAW",
			"GREATER MANCHESTER", "CHESHIRE AND MERSEYSIDE", "NORTH YORKSHIRE AND HUMBER", "STAFFORDSHIRE AND LANCASHIRE",
			"ARDEN", "GREATER EAST MIDLANDS", "CENTRAL MIDLANDS", "ANGLIA", "CENTRAL EASTERN", "NORTH AND EAST LONDON",
			"NORTH WEST LONDON", "SOUTH LONDON", "SOUTH WEST", "SOUTH", "CENTRAL SOUTHERN", "KENT AND MEDWAY",
			"SURREY AND SUSSEX");

	static final List<String> CSU_CODES = List.of("0AR", "0AT", "0AV", "0AW", "0AX", "0AY", "0CC", "0CE", "0CF", "0CG",
			"0CH", "0CJ", "0CK", "0CL", "0CM", "0CN", "0CP", "0CQ", "0CR");

	static final List<String> CSU_TOWNS = List.of("NEWCASTLE UPON TYNE", "WAKEFIELD", "MANCHESTER", "LIVERPOOL", "YORK",
			"STAFFORD", "WARWICK", "NOTTINGHAM", "WOLVERHAMPTON", "CAMBRIDGE", "HERTFORD", "LONDON", "LONDON", "LONDON",
			"TAUNTON", "SOUTHAMPTON", "OXFORD", "MAIDSTONE", "HORSHAM");

	static final List<String> CSU_POSTCODES = List.of("NE15 8NY", "WF1 1LT", "M1 3BN", "L3 1DS", "YO1 7PR", "ST16 3SR",
			"CV34 4HJ", "NG1 6GN", "WV1 1NP", "CB21 5XA", "SG13 8EQ", "E1 8FA", "W2 6BD", "SE1 7NT", "TA1 2LB",
			"SO15 1GW", "OX4 2LH", "ME14 1RQ", "RH12 1RJ");

	static final List<String> SURNAMES = words("""
			DENSHAM ASHWORTH BARKER BENNETT BRAMLEY CALDER CARTER CHADWICK CLARKE CROSSLEY DALTON DENTON ELLIOTT
			FAIRBAIRN FLETCHER GARSIDE GIBSON HADFIELD HARDING HARTLEY HEATON HOLROYD HOPKINS IRVING JARVIS KENDRICK
			LAMBERT LAWSON LISTER MARSDEN MELLOR MORLEY NAYLOR OLDFIELD PARKIN PICKERING RADCLIFFE REDFERN ROWNTREE
			SANDERSON SHAW SOUTHWELL STIRLING SUTCLIFFE THORNTON TINDALL VARLEY WAINWRIGHT WALSH WHITAKER WILKINSON
			WRIGLEY YATES AHMED KHAN PATEL SHAH SINGH CHAUDHRY OKAFOR MENSAH KAUR MURPHY DAVIES EVANS HUGHES MORGAN
			PRICE JENKINS BRADSHAW COLLIER DRUMMOND FAWCETT GREENWOOD HAIGH KERSHAW LOCKWOOD MOXON PEARSON RAMSDEN""");

	static final List<String> STREETS = List.of("PARK ROAD", "HIGH STREET", "CHURCH LANE", "STATION ROAD", "VICTORIA ROAD",
			"QUEENS ROAD", "KING STREET", "MILL LANE", "MARKET STREET", "ALBERT ROAD", "LONDON ROAD", "MANOR ROAD",
			"GREEN LANE", "CHAPEL STREET", "NORTH ROAD", "WEST STREET", "BRIDGE STREET", "GRANGE ROAD", "SPRINGFIELD ROAD",
			"ALEXANDRA ROAD", "CASTLE STREET", "THE AVENUE", "HOLLY LANE", "ELM GROVE", "OAK ROAD", "BEECH AVENUE",
			"WESTBOURNE ROAD", "MOOR LANE", "HALL LANE", "SCHOOL LANE", "PRIORY ROAD", "ABBEY ROAD", "CRESCENT ROAD",
			"MOUNT PLEASANT", "BROAD STREET", "WATER LANE", "CROSS STREET", "UNION STREET", "WELLINGTON ROAD",
			"NELSON STREET", "TRINITY STREET", "ST JOHNS ROAD", "ST MARYS ROAD", "WOODLAND ROAD", "BROOK STREET",
			"ORCHARD WAY", "MEADOW LANE", "LAWSON STREET", "FARRER STREET", "TENNANT STREET", "RECTORY LANE",
			"LINTHORPE ROAD", "TRIMDON AVENUE", "NORMANBY ROAD", "CHESTER ROAD", "DERBY ROAD", "YORK ROAD",
			"WINDSOR ROAD", "CHARLOTTE STREET", "OXFORD STREET");

	static final List<String> FEATURES = words("""
			BLUEBELL SPRINGWOOD WOODBRIDGE RIVERSIDE MEADOWBANK HILLVIEW OAKWOOD FERNLEA BEECHWOOD ELMFIELD PARKSIDE
			BROOKSIDE ROSEWOOD WILLOW ASHGROVE HEATHFIELD LAKESIDE HIGHFIELD GREENBANK MILLBROOK CLAYTON CASTLEGATE
			MARKETGATE ABBEYFIELD KINGSWAY QUEENSWAY CROSSFELL MARTONSIDE WESTBOURNE NORTHGATE SOUTHGATE BANKHOUSE
			QUEENSTREE ORCHARD VALLEY HAWTHORN LINDEN CEDAR HOLLYBANK THORNLEY MOORSIDE BRIDGEGATE""");

	static final List<String> BUILDINGS = List.of("THE HEALTH CENTRE", "HEALTH CENTRE", "PRIMARY CARE CENTRE",
			"HEALTH VILLAGE", "COMMUNITY HEALTH CENTRE", "MEDICAL CENTRE");

	/** Words that place CCGs in a town without being one, stripped when a town is read from a CCG's name. */
	private static final List<String> NOT_TOWNS = List.of("NORTH EAST ", "NORTH WEST ", "SOUTH EAST ", "SOUTH WEST ",
			"NORTH ", "SOUTH ", "EAST ", "WEST ", "CENTRAL ", "GREATER ", "SOUTHERN ", "VALE OF ");

	private England() {
	}

	/** The towns of a CCG entry (markers removed): its explicit list, or the places its name joins with "and". */
	static List<String> towns(String ccgEntry, boolean london) {
		if (london) {
			return List.of("LONDON");
		}
		String entry = unmarked(ccgEntry);
		int bar = entry.indexOf('|');
		if (bar >= 0) {
			return Arrays.stream(entry.substring(bar + 1).split(",")).map(String::trim).map(String::toUpperCase).toList();
		}
		return Arrays.stream(entry.split(",| and "))
			.map(part -> stripped(part.trim().toUpperCase()))
			.filter(part -> !part.isEmpty())
			.toList();
	}

	/** The CCG's place name, as in "NHS <place> CCG". */
	static String place(String ccgEntry) {
		String entry = unmarked(ccgEntry);
		int bar = entry.indexOf('|');
		return (bar >= 0 ? entry.substring(0, bar) : entry).trim().toUpperCase();
	}

	static String unmarked(String ccgEntry) {
		int start = 0;
		while (start < ccgEntry.length() && "+-~^".indexOf(ccgEntry.charAt(start)) >= 0) {
			start++;
		}
		return ccgEntry.substring(start);
	}

	static boolean marked(String ccgEntry, char marker) {
		return ccgEntry.substring(0, ccgEntry.length() - unmarked(ccgEntry).length()).indexOf(marker) >= 0;
	}

	private static String stripped(String part) {
		String result = part;
		boolean changed = true;
		while (changed) {
			changed = false;
			for (String word : NOT_TOWNS) {
				if (result.startsWith(word)) {
					result = result.substring(word.length());
					changed = true;
				}
			}
		}
		return result;
	}

	private static AreaTeam team(String code, String name, String region, char letter, String postcodeAreas,
			String diallingCodes, String ccgs, String anchoredCodes) {
		return new AreaTeam(code, name, region, letter, words(postcodeAreas), words(diallingCodes),
				Arrays.stream(ccgs.split(";")).map(String::trim).toList(), words(anchoredCodes));
	}

	private static List<String> words(String text) {
		return Arrays.stream(text.trim().split("\\s+")).filter(word -> !word.isEmpty()).toList();
	}
}
