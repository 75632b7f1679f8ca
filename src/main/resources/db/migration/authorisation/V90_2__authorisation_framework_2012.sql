-- The 2012-13 CCG authorisation framework: six domains, a representative 24 of its 119 criteria (docs/domain-rules.md),
-- each with the evidence asked for and how it was assessed; and its four waves with the month of their panels.
insert into authorisation_framework (name, version, criteria_total)
values ('CCG authorisation 2012-13', 1, 119);

insert into authorisation_domain (framework_id, number, name)
select id, d.number, d.name from authorisation_framework, (values
    (1, 'A strong clinical and multi-professional focus which brings real added value'),
    (2, 'Meaningful engagement with patients, carers and their communities'),
    (3, 'Clear and credible plans which continue to deliver the QIPP challenge within financial resources'),
    (4, 'Proper constitutional and governance arrangements, with the capacity and capability to deliver'),
    (5, 'Collaborative arrangements for commissioning with other CCGs, local authorities and the Board'),
    (6, 'Great leaders who individually and collectively can make a real difference')) as d (number, name)
where authorisation_framework.name = 'CCG authorisation 2012-13';

insert into authorisation_criterion (framework_id, code, domain_number, text, evidence, desktop, site_visit, survey_360)
select f.id, c.code, c.domain_number, c.text, c.evidence, c.desktop, c.site_visit, c.survey_360
from authorisation_framework f, (values
    ('1.1', 1, 'Member practices are engaged in and support the CCG''s clear and credible plans', 'Commissioning plan signed off by member practices; practice engagement record', true, false, true),
    ('1.2', 1, 'Clinical leaders across the range of professions shape commissioning decisions', 'Clinical leadership structure; examples of decisions led by clinicians', true, true, false),
    ('1.3', 1, 'Stakeholders recognise the added value the CCG''s clinical focus brings', '360 stakeholder survey results', false, false, true),
    ('1.4', 1, 'The CCG uses clinical audit and evidence to improve quality and outcomes', 'Quality strategy; case study of a pathway redesigned on evidence', true, true, false),
    ('2.1', 2, 'Patients, carers and the public are involved in planning and decisions', 'Engagement strategy; record of engagement events and how they changed plans', true, false, true),
    ('2.2', 2, 'The CCG works with Local HealthWatch and patient groups', 'Terms of reference of patient reference groups; agreement with Local HealthWatch', true, false, true),
    ('2.3', 2, 'The CCG communicates its plans and decisions clearly to the public', 'Communications plan; published decisions', true, false, false),
    ('2.4', 2, 'Equality duties are met in commissioning decisions', 'Equality analysis of the commissioning plan', true, true, false),
    ('3.1', 3, 'An integrated plan delivers QIPP within the resources allocated', 'Integrated plan with finance and QIPP schedules', true, false, false),
    ('3.2', 3, 'The plan reflects the joint strategic needs assessment and health and wellbeing strategy', 'Plan cross-referenced to the JSNA; health and wellbeing board letter', true, false, true),
    ('3.3', 3, 'Financial controls and a risk-managed approach to financial balance are in place', 'Standing financial instructions; financial risk register', true, true, false),
    ('3.4', 3, 'Plans for quality, safety and safeguarding of providers are credible', 'Safeguarding arrangements; quality schedules of main contracts', true, true, false),
    ('4.1', 4, 'A constitution approved by member practices meets the legal requirements', 'Constitution signed by every member practice', true, false, false),
    ('4.2', 4, 'The governing body has the required lay members, nurse and secondary care doctor', 'Governing body membership and appointment records', true, true, false),
    ('4.3', 4, 'Conflicts of interest are managed transparently', 'Register of interests; conflicts of interest policy', true, true, false),
    ('4.4', 4, 'Commissioning support arrangements are agreed and sufficient', 'Service level agreement with the commissioning support service', true, true, false),
    ('5.1', 5, 'Collaborative arrangements with neighbouring CCGs are agreed', 'Memoranda of understanding; lead commissioner arrangements', true, false, true),
    ('5.2', 5, 'Joint working with the local authority and health and wellbeing board is effective', 'Health and wellbeing board minutes; joint commissioning agreements', true, false, true),
    ('5.3', 5, 'Arrangements with the Board for specialised and primary care commissioning are clear', 'Agreement with the local area team', true, true, false),
    ('5.4', 5, 'Emergency preparedness, resilience and response duties are met', 'Emergency plan; on-call arrangements', true, true, false),
    ('6.1', 6, 'The accountable officer and chair have the skills to lead the CCG', 'Assessment of the accountable officer; development plan', true, true, false),
    ('6.2', 6, 'The chief finance officer is appointed and qualified', 'Appointment record of the chief finance officer', true, false, false),
    ('6.3', 6, 'Leaders are seen by stakeholders as credible and collaborative', '360 stakeholder survey results', false, false, true),
    ('6.4', 6, 'An organisational development plan builds leadership capacity', 'Organisational development plan', true, true, false)
) as c (code, domain_number, text, evidence, desktop, site_visit, survey_360)
where f.name = 'CCG authorisation 2012-13';

insert into authorisation_wave (framework_id, number, panel_on)
select f.id, w.number, w.panel_on from authorisation_framework f, (values
    (1, date '2012-12-18'), (2, date '2013-01-31'), (3, date '2013-02-28'), (4, date '2013-03-25')) as w (number, panel_on)
where f.name = 'CCG authorisation 2012-13';
