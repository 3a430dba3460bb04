/**
 * The demo's illustrative proposals: written for the demo, in the form of the African Union's
 * written amendments (fixtures/au-wsis20-written-amendments.txt), against real paragraphs of the
 * OHCHR report. They are imported through the real written-proposals importer and marked
 * `illustrative: true` everywhere they appear. They are not submissions by these parties.
 */

/** One party's illustrative written input, keyed by demo party id. */
export const ILLUSTRATIVE_INPUT: Readonly<Record<string, string>> = {
  kenya: `Illustrative proposals (written for the Bis demo, not a real submission)

- **§51 (human rights due diligence by SSOs)** → *Amend*: Make due diligence systematic.

“Conducting human rights due diligence systematically, across the whole life cycle of a standard, is essential for identifying, preventing, mitigating and accounting for the human rights impacts of technical standards.”

- **New §58 bis (after §58, on resource constraints)** → *Insert*: Fellowships for delegates from developing countries.

“We encourage standard-setting organizations to establish fellowship programmes that fund the sustained participation of experts from developing countries, in particular from Africa, in working groups and committees.”
`,
  'european-union': `Illustrative proposals (written for the Bis demo, not a real submission)

- **§48 (equal gender representation)** → *Amend*: Add measurable targets.

“The lack of equal gender representation in standard-setting processes is of particular concern. Standard-setting organizations should set measurable targets for the participation of women in leadership positions and report on progress annually.”

- **§46 (the predominance of the English language)** → *Retain*.
`,
  'paradigm-initiative': `Illustrative proposals (written for the Bis demo, not a real submission)

- **§44 (access to working documents)** → *Amend*: Open access by default.

“The lack of access to working documents, proposed and adopted standards and meeting minutes is a barrier to participation; such documents should be freely and publicly available by default, free of charge.”

- **New §61 bis (after §61, on seeking inputs from the public)** → *Insert*: Civil society consultation.

“Standard-setting organizations should hold open consultations with civil society organizations from all regions before adopting standards with significant human rights impacts, and publish how the inputs received were addressed.”
`,
};
