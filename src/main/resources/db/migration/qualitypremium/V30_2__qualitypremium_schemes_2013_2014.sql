-- The 2013/14 and 2014/15 schemes as published (shared/domain/REFERENCE.md section 6). A data migration runs exactly once,
-- so shipping them here is idempotent by construction; later years are made by copying a scheme in the application.
insert into qp_scheme (financial_year, name, max_per_head, population_basis, reduction_mode, status) values
 (2013, 'Quality premium 2013/14', 5.00, 'Registered list at the latest extract on or before 1 April of the year', 'ADDITIVE', 'DRAFT'),
 (2014, 'Quality premium 2014/15', 5.00, 'Registered list at the latest extract on or before 1 April of the year', 'ADDITIVE', 'DRAFT');

insert into qp_measure (financial_year, code, parent_code, position, name, kind, weight_percent, rule, target, baseline_period) values
 (2013, 'AEA',    null,   1, 'Avoidable emergency admissions (no increase on the baseline)', 'NATIONAL', 25.000, 'REDUCTION', 0, '2012/13'),
 (2013, 'PYLL',   null,   2, 'Potential years of life lost amenable to healthcare (at least 3.2% reduction)', 'NATIONAL', 12.500, 'REDUCTION', 3.2, '2012/13'),
 (2013, 'FFT',    null,   3, 'Friends and Family Test roll-out and patient experience', 'NATIONAL', 12.500, 'CONDITION', null, null),
 (2013, 'HCAI',   null,   4, 'Healthcare-associated infections', 'NATIONAL', 12.500, 'COMPOSITE', null, null),
 (2013, 'MRSA',   'HCAI', 1, 'Zero MRSA bloodstream infections', 'NATIONAL', 50.000, 'THRESHOLD', 0, null),
 (2013, 'CDIFF',  'HCAI', 2, 'C. difficile cases at or below the CCG''s threshold', 'NATIONAL', 50.000, 'THRESHOLD', 0, null),
 (2013, 'LOCAL1', null,   5, 'Local measure 1 (agreed with the area team)', 'LOCAL', 12.500, 'CONDITION', null, null),
 (2013, 'LOCAL2', null,   6, 'Local measure 2 (agreed with the area team)', 'LOCAL', 12.500, 'CONDITION', null, null),
 (2013, 'LOCAL3', null,   7, 'Local measure 3 (agreed with the area team)', 'LOCAL', 12.500, 'CONDITION', null, null),
 (2014, 'PYLL',   null,   1, 'Potential years of life lost amenable to healthcare (at least 3.2% reduction)', 'NATIONAL', 15.000, 'REDUCTION', 3.2, '2013/14'),
 (2014, 'IAPT',   null,   2, 'Improving access to psychological therapies: access rate at or above the level', 'NATIONAL', 15.000, 'MINIMUM', 15, null),
 (2014, 'AEA',    null,   3, 'Avoidable emergency admissions (no increase on the baseline)', 'NATIONAL', 25.000, 'REDUCTION', 0, '2013/14'),
 (2014, 'FFT',    null,   4, 'Friends and Family Test roll-out and patient experience', 'NATIONAL', 15.000, 'CONDITION', null, null),
 (2014, 'MEDSAFE',null,   5, 'Medication-safety incident reporting improved', 'NATIONAL', 15.000, 'CONDITION', null, null),
 (2014, 'LOCAL1', null,   6, 'Local measure (agreed with the area team)', 'LOCAL', 15.000, 'CONDITION', null, null);

insert into qp_standard (financial_year, code, position, name, threshold_percent, reduction_percent)
select y, s.code, s.position, s.name, s.threshold, 25.00
from (values (2013), (2014)) years (y),
     (values ('RTT18', 1, '18 weeks referral to treatment: incomplete pathways', 92.00),
             ('AE4H', 2, 'A&E: seen within 4 hours', 95.00),
             ('CANCER62', 3, 'Cancer: treated within 62 days of urgent GP referral', 85.00),
             ('AMBRED1', 4, 'Ambulance Category A Red 1 response within 8 minutes', 75.00)) s (code, position, name, threshold);

insert into qp_gateway (financial_year, code, position, name)
select y, g.code, g.position, g.name
from (values (2013), (2014)) years (y),
     (values ('FINANCE', 1, 'Financial balance: no overspend of the resource limit'),
             ('QUALITY', 2, 'No significant in-year quality failure')) g (code, position, name);
