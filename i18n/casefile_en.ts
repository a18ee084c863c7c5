<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BundleHistoryModel</name>
    <message>
        <source>Made at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint (补打) of edition %2 — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edition %2, corrected (更正): %3 — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edition %2 — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed again by %1 at %2 with nothing it prints changed: a 补打 of the receipt issued %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edition %1, printed by %2 at %3 after the record changed: the receipt issued %4 is void.
Changed: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: notes for whoever files it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: online filing, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Made by %2; exhibits in order: %3
SHA-256: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is no longer in the case folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file in the case folder is not the one saved: its SHA-256 differs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded as lost in the custody log by %1 (entry %2); a new bundle can be made instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The altered file was moved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed since the bundle made before for the same venue and destination:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A later bundle was made for the same venue and destination.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BundleWizard</name>
    <message>
        <source>Make a bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Exhibits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt &amp;paper:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sen&amp;d to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A5 sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>80 mm receipt roll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected exhibit up (Alt+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected exhibit down (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticked exhibits go into the bundle in this order, numbered 证据1, 证据2… Drag, or use Alt+Up and Alt+Down, to reorder: that moves the exhibit in the case&apos;s evidence order, which the evidence tab, the command line and every packet follow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Split into volumes of at most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volumes are cut between exhibits, for upload limits of online filing systems. 0: one file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also save one file per component for online filing (each under the size limit, 10 MB if none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The main document, the evidence list, the evidence (in volumes), the identity papers and, for a court, the service address form, each as a PDF of its own, named in Chinese.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept the warnings and leave blanks to fill by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What leaves the machine: masked, stripped or replaced for this destination (check before sending)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make another bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out what will be masked or removed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is masked or removed: this destination sees the evidence and the record as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disclosure report saved beside the packet (in Chinese, as the packet) lists:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title on the documents: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 exhibits go into the bundle, in the case&apos;s evidence order (withdrawn exhibits are not listed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to show the exhibit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to go to the field to fill in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: the bundle cannot be made until this is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 error(s) block this bundle; fix them in the case first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 warning(s): the bundle can be made, with blanks on the documents to fill in by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems found: ready to generate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled, nothing saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle was not made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laying out the documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laying out the evidence list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assembling and stamping the pages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laying out the receipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibit pages: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 file(s), %2 pages, saved in the case&apos;s bundles folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One file per component, for online filing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes for whoever files it (not part of the packet):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was masked or removed (check before sending; not part of the packet):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 warning(s) accepted: fill in the blanks by hand before submitting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addressed to a consumer association; its notes cite the association&apos;s task in the consumer protection law and mark its own acceptance rules as practice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addressed to the market regulator (12315); its notes cite the complaint handling measures. A dispute taken to the consumer association as well may be refused by either.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A claim letter to the carrier, made by the merchant (the claimant).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An appeal to the postal administration (12305), for when the carrier did not answer within 7 days or its answer does not satisfy: cover and appeal instead of the claim letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a complaint to the consumer association or 12315: cover, complaint letter, evidence list, the exhibits, the integrity annex and filing notes. The complainant&apos;s full contact details are shown, as a complaint requires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For filing at a people&apos;s court: cover, civil complaint, address-for-service form, evidence list, the exhibits, the integrity annex and filing hints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For an arbitration commission: cover, arbitration application, evidence list, the exhibits, the integrity annex and filing notes. An arbitration agreement must be among the exhibits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a claim against a courier: cover, claim letter, evidence list, the exhibits, the integrity annex, and where to appeal and by when. The customer&apos;s details are masked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A receipt for a complaint made in person, listing the materials handed in, to print and sign. Choose an A5 sheet or an 80 mm receipt roll.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BundlesTab</name>
    <message>
        <source>Bundles made for this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a bundle, or press Enter on it, to open it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaptureTimeDialog</name>
    <message>
        <source>Correct the capture time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibit %1: when was this file really made? The time the file states stays recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseFile</name>
    <message>
        <source>CaseFile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong. CaseFile keeps running; nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logistics / courier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction / refund / fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misleading information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal mediation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Important</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We are complained to (the response promise runs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We are the complainant (no response promise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We → them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They → us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manufacturer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the business complained about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the courier company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the consumer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the consumer association</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the market regulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the postal regulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the court</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the arbitration commission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the manufacturer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbitral award</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judgment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting an answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Countered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision (award, judgment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing obtained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn by the complainant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint not upheld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courier company&apos;s reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appeal to the postal administration (12305)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return without reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paying what the decision orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>met late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the complaint was registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the market regulator received the complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the market regulator accepted the complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a complaint was lodged with the courier company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the postal administration received the appeal (12305)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the parcel was shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the consumer received the goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the statement of claim reached the court</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the judgment was served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the ruling was served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last day for performance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the harm and who owes became known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the arbitral award was received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>testing, inspection or appraisal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screenshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whether it is a photo or scan of a paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landline number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>description changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metadata read again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redacted copy made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case record changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cited in the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeline event citing it corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeline event citing it removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>included in a bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recovered after an interruption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record rebuilt from the custody log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generated bundle file recorded as lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy made safe to print kept for packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>responsibility found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proposal made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proposal answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proceeding begun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proceeding updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payment recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timestamp attached (RFC 3161)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a link, not the file itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer association / 12315 complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Court (civil complaint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbitration (application)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courier claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in complaint receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The carrier (claim)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal administration (12305 appeal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text read from a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title and reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business complained about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courier company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facts and reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handling notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proceedings (body, number, summary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings, proposals and payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier names and phone numbers (曾用)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (rests on a replaced rule, the rule in force not read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its service on our side on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the award made on %1, in effect that day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, the judgment served on %2 taking effect once its time to appeal ran out on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, the second-instance judgment served, final</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perform by %1, worked out from 「%2」 counted from %3 (%4): the enforcement period is watched from it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No. %1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(withdrawn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case has no exhibits yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose %1 first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibits: write numbers separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When it happened (not when it is entered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the exhibits that show it: packets cite them as （见证据N）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not said)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer association / 12315</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbitration / court</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response promise (urgent, 2 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response promise (important, 24 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response promise (normal, 48 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regulator decides on acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regulator&apos;s mediation period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal administration answers the appeal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Court decides on filing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appeal against the judgment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appeal against the ruling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying for enforcement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limitation period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying to set the award aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt / invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbitration agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, mediation first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sure yet, wants to know more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint or claim lodged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The business complained about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The courier company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consumer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer association (消协)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market regulator (12315)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal regulator (邮政管理部门, 12305)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Court</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbitration commission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped (case closed or proceeding ended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original (原件)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy (复印件)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The object itself (实物)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electronic file (电子)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept by the store (留存)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given back (退回)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue %1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no proof purpose yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 KB
Proof purpose: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redacted copy of no. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complained at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proof purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capture time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where the capture time comes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arbitration agreement status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>why the agreement is not relied on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what was handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept or returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evidence group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extension does not match the content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged or unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capture time later than when it was added (check the device clock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file time far from the capture time it states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved by editing software after capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metadata unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the photo&apos;s EXIF data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the file&apos;s own metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file&apos;s modification time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checked and set by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (withdrawn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safe day passed; counted from a later start on record it runs to %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safe day passed; by law it runs to %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rests on %1 (%2), replaced from %3 by 《%4》, whose text was not available: not the rule in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (start date doubtful: check the record&apos;s dates)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safe day (counted unmoved); by law it runs to %1, moved past rest days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provisional: the holiday arrangement of a year it runs into is not published yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: the clock stands still while goods are tested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[DAMAGED] %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DAMAGED · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proof purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number the exhibit gets in a packet (证据N): the exhibits not withdrawn, in this order. A packet of other exhibits numbers them as the bundle wizard shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exhibit&apos;s own number in the case file (案卷编号): it never changes. Every separator page names it under 证据N, and the command line uses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证据组: the exhibits that prove one fact together (e.g. 第一组：购买事实). The evidence list prints them under the group&apos;s heading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redacted copy of no. %1: where the destination takes redacted copies it goes in as %2, in its original&apos;s place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (provisional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such file or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is in use by another program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many files are open; close some programs and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk could not be read or written (input/output error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file or folder of that name is already there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A part of the path is a file, not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a folder, not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name or the path is too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be moved to another disk directly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder is not empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk space allowed to this user is used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many links in the path (a link may point to itself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk does not accept this name or operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large for this disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk or device is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk or network folder did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough memory; close some programs and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system could not complete the operation (error %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system could not complete the operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <comment>enumeration comma</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>between a header&apos;s parts</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet determined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Third party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Natural person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General authority (一般授权)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special authority (特别授权)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male (男)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female (女)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print preview — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the case at this field (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the exhibit at this page (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the exhibit (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such server name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the network does not reach it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection was cut off; nothing was saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no connection could be made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the team catalogue server %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the evidence store server %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team library could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong password, or no such login. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the team library…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>Damaged: left untouched until it verifies again (the case&apos;s overview says why)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is damaged: this is its deadline as last recorded, and it still runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed since the filters were set, which no longer take it: listed until they change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found by an earlier contact (曾用): %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseListPane</name>
    <message>
        <source>Search number, names, order, waybill or proceeding number (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case open, %1, is not among the filtered cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show it (clears the filters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+F: search “%1” in the text of all evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DamagedCasePane</name>
    <message>
        <source>Case %1 cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its record is damaged or missing. CaseFile has changed nothing in the case folder, and writes to the case are refused until it verifies again.

Verify it first: verification says what is damaged. When its custody log is whole, Repair rebuilds the record from it; otherwise restore the case folder from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case folder could not be read just now. Check that the drive or network share holding the library can be reached, then choose the case again; verify it if this goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check its record, custody log and every exhibit file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild the record from the custody log (asked first; evidence files are never changed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatesWarning</name>
    <message>
        <source>These dates are right: keep them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemandsEditor</name>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basis (legal or contractual ground)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected demand</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What kind of evidence this is; an arbitration packet needs one of kind Arbitration agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept or returned: not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the customer handed over for this exhibit (original, copy, the object, an electronic file) and whether the store kept it or gave it back, as the walk-in receipt lists them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A photo or scan of a paper document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这是纸质文件的照片或扫描件: whether the paper is the original and this file a copy of it, or the file is the document itself (an e-invoice, a contract file). The evidence list, the separator page, the captions over its pages and the integrity annex follow it. Not said, CaseFile tells it from the file: a photo, or a PDF whose pages are pictures, is a paper&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes (书证, 复印件)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No: the file is the document (电子数据)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not said (from the file: yes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not said (from the file: no)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not said (told from the file in a packet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an exhibit to see its details and its custody record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibit %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a packet of the exhibits not withdrawn, in this order: %1 (file no. %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn on %1 by %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(sent, zone not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(device time, zone not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of exhibit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original&apos;s SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redacted copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redacted copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custody record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No custody entries mention this exhibit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not stamped: no timestamp authority (TSA) is chosen in Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet stamped: queued, sent when the TSA can be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet stamped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (renews timestamp %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being checked…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified offline: signature, certificate chain and proof</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>renew it before then (casefile timestamp --renew)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamp (root not checked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TSA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TSA certificate valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merkle root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root&apos;s SHA-256 fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked against the fingerprint pinned in Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root not checked: anyone can make a root and a timestamp authority under any name. Compare the fingerprint with the one the authority publishes, then pin the root in Settings (Pinned TSA roots)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Software</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place (GPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CaseFile could not read the details the file holds (technical note: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceTab</name>
    <message>
        <source>Thumbnails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the exhibits as a grid of thumbnails (Ctrl+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write or edit the transcript of the selected recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Present the selected exhibit earlier (Alt+Up); bundles follow this order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Present the selected exhibit later (Alt+Down); bundles follow this order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cover third parties&apos; details on the selected photo, screenshot or PDF with black boxes (Ctrl+Shift+R); the copy becomes a new exhibit and the original is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files to this case (Ctrl+O); you can also drop them here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add every file of a folder and its subfolders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the selected exhibit withdrawn (Delete); the file stays in the case folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files put in this case&apos;s inbox or in a folder attached to it are added as evidence by themselves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder that holds the selected exhibit&apos;s file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop files or folders here to add them to the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence yet.

Drop files or folders here, or use Add files… (Ctrl+O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only photos, screenshots and PDFs can be redacted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibit %1 is the redacted copy; the original is kept as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibit %1 withdrawn; its file stays in the case folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find words and numbers in this case&apos;s details and in the text of its evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw exhibit %1 “%2”?

It stays in the case folder and in the custody record, marked withdrawn, and is left out of new bundles.

Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw exhibit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A withdrawal needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only recordings and videos have a transcript.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldGroup</name>
    <message>
        <source>Hide these fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show these fields</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileAdder</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files to case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a folder to case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files are still being added; wait for them or cancel first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking %1 for packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding files… (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding files to case %1… (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 skipped (hidden or system files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already exhibit %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; %1 added before cancelling, the file being copied was discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding files stopped: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files could not be added as evidence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One file could not be added as evidence:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to CaseFile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts and complaint letters print who received the complaint. Enter your organisation and your name once; File → Settings… changes them later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store, company or office name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name (受理人)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff number (工号)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandlingTab</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the complainant was first answered (a call back, a message): it meets the response promise. Not entered, the first call, chat, e-mail or visit with the complainant on the timeline counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record who is responsible, why, and the exhibits that show it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the answer to the selected round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mediation, 消协 or 12315 complaint, arbitration or lawsuit begun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptance, hearings, testing periods, result and decision of the selected proceeding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(entered %1 by %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not answered yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first response entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact with the complainant: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handling began</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round %1: %2 proposes %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proceedings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing until %1 (not counted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>perform by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments (paid %1, recovered %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recovered from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 paid by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>satisfaction %1/5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing recorded yet: use the buttons below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick to clear: the first contact on the timeline, or the first step, then counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer to round %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proceeding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 徐汇区市场监督管理局</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>消协 file number, 12315 工单号, case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filed at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proceeding %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a decision for our side, unpaid and with no day for performance entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still open: %1. Once the case is closed, CaseFile no longer reminds you of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close anyway and stop reminding of these periods?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A period is still open: tick &apos;Close anyway&apos; to close the case all the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;irst response…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsi&amp;bility…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pr&amp;oposal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procee&amp;ding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Update proceeding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ou&amp;tcome…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clo&amp;se case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reop&amp;en…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick, then give when the complainant was answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. called back, promised an answer by Friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a hearing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing began</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检定、检验、鉴定: the time is not counted in the regulator&apos;s mediation period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is tested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed or decided at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to pay or refund (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perform by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A term such as 判决生效之日起十日内 lets the day for performance be worked out from the proceeding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No enforcement period is watched until a day for performance is entered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was agreed or decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原路退款, 转账, 现金…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered from another party (courier, manufacturer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proof (exhibits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid in all %1 would be %2 more than the outcome says is owed (%3): was this payment entered already?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A payment needs its amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complainant&apos;s satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it is reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened at</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryChoiceDialog</name>
    <message>
        <source>Cannot open the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CaseFile cannot open the library at %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another library, create a new one, or quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CaseFile library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an empty folder for the new library</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>cases-%1.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the case list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cases exported to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the case list to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the periodic review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The periodic review could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CaseFile — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CaseFile — team library %1, signed in as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change stage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conclude the case (结案)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the result and close the case as concluded (Ctrl+Shift+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the receipt again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files to the case open (Ctrl+O); you can also drop them on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periodic review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake, deadlines met, time to resolution and escalation over a period, against the one before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new case by any channel, its fields following its type (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in complaint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer at the counter, with photos and a receipt (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a case archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify the whole library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search all evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find words and numbers in every case&apos;s details, chats, e-mails, PDFs and pictures (Ctrl+Shift+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case list and its filters (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search all evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the case list to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cases the list shows, as filtered and sorted, in an .xlsx workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching case %1 from the team library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 is shown as last fetched: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 has edits in its overview that are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save them before leaving the case?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 moved to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cases · %2 due today · %3 overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%4 of %1 cases shown · %2 due today · %3 overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1: %2 arrived, now exhibit %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1: %2 in a watched folder was refused: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1: %2 new files added from a watched folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already in the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the store&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your name (受理人)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your staff number (工号)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set them now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave blanks to fill in by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt can be printed for this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stage box of the case open, in Overview (Ctrl+J)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The complaint receipt, on A5 or an 80 mm roll, in Bundles (Ctrl+Shift+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the case away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case open; the case itself is unchanged, not closed as concluded (Ctrl+W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused (%2: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt prints the store and who received the complaint; not set yet: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set them now? They are kept for every receipt, and File → Settings… changes them later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name is needed before the desk opens: a receipt names who received the complaint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt is kept with the case: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamp root not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a case archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case archives (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 imported with %2 exhibits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timestamps of case %1 rely on a root certificate you have not pinned, so they are shown as “timestamp (root not checked)”:

%2

The archive checks only against the root it carries itself. Compare this fingerprint with the one the authority publishes; if they are the same, add it under Settings → Pinned TSA roots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair %1 case(s)? A damaged record is rebuilt from its custody log, README.txt is written again, and generated bundles that are missing or altered are recorded as lost (an altered one is moved to set-aside/ in the case folder; make a new bundle afterwards). Evidence files are never changed, and everything done is recorded in the custody log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the case list from the team library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case list is as last fetched: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team library · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue %1; evidence store %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case is closed already; Reopen… in the Handling tab reopens it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1: everything here is saved as it is typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying case %1 (%2 of %3)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complainant&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respondent (business)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier (express company)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presumed from the organisation in Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose side we are on: complained to (a store, customer service: the response promise runs), or the complainant (a merchant&apos;s own claim, a law firm acting for its client: no response promise). Left as presumed, it follows the organisation in Settings and the parties; when they do not tell, you are asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a receipt for the complainant and print it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We are the complainant: no response promise of ours runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply by %1 (within %2 h of the complaint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this case? Nothing has been created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When, where, who, what happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose side are we on? %1 (the organisation in Settings) is neither the complainant nor the respondent here: choose our side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 was created, but its receipt was not made.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OcrQueue</name>
    <message>
        <source>Reading text %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text is being read from pictures and scanned pages, for search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading text stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text not read from %1 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text in pictures is not read: OCR is not installed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo unsaved edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the stage log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibits, e.g. 1,3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exhibits that show what happened (a written reply…): packets cite them as （见证据N）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the case entered this stage (now, or when it really happened)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to this stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the organisation in Settings (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the organisation in Settings (none entered yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check these dates, one of each pair is likely mistyped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged: %1 — nothing can be changed until the case verifies again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(exhibits %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(recorded %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presumed from the organisation in Settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case does not record whose side we are on: it is presumed from the organisation in Settings and the parties. Choose one and save to record it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the case to see what was saved meanwhile: your edits to the other fields stay in the form, then make your change again and save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloaded: the fields changed meanwhile show what was saved; your other edits are kept, not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say in the note why stages are skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case has not been through %1. Move it to %2 all the same?

The stage log will say the stages were skipped; write why in the note.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartyGroup</name>
    <message>
        <source>Several addresses separated by “；”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each of this party&apos;s e-mail addresses, separated by “；”, e.g. a@example.cn；b@example.cn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A business&apos;s own mail domain can be entered as @domain (e.g. @shop.example.cn): every address at it is then taken as the business&apos;s. A public mail service&apos;s domain never is.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <source>Open with the system&apos;s viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PDF could not be shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing PDFs needs Qt&apos;s PDF module, which this installation lacks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program on this computer opens PDF files; the packet is shown here. It is saved at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhonePhotosDialog</name>
    <message>
        <source>Photos from the phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the photos taken on an earlier day, for a customer who comes back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Taken on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Day before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;oday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the customer&apos;s photos: click a photo or its box, or press Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the ticked photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos and videos taken today in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos and videos taken on %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing taken today in this folder yet. Has the phone synced? Or choose an earlier day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photos or videos taken on %1 in this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos and videos: %1. Tick the customer&apos;s own; times are when each was taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show this file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (file time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken at %1 (the photo&apos;s EXIF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded at %1 (the video&apos;s own time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken at %1 (time in the file name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file states no time; last changed at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read its details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the picture is too large to open safely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a picture this program can read (damaged, or another format)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is cut short (damaged or not fully synced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is damaged or cannot be drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the picture to the pane (Ctrl+0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn left for viewing (Ctrl+L); the file is not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn right for viewing (Ctrl+R); the file is not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview for this kind of file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… (only the first 200 KB are shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PDF cannot be shown (encrypted or damaged).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Step up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Page &amp;order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RedactionDialog</name>
    <message>
        <source>Redact exhibit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibit %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(its redacted copy %1&apos;s boxes are kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cover all suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn every suggested box on this page into a box to burn in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected box (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag on the picture to draw a black box; drag a box to move it; Delete removes the selected box. Orange dashed boxes are suggestions (phone numbers, ID numbers, addresses found in the page&apos;s text): click one to cover it. The original is kept as it is; the copy is a new exhibit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is covered and why (required), e.g. a third party&apos;s phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save redacted copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 — click to cover it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 boxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 suggested on this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reason is needed to save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the redacted copy…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewDashboard</name>
    <message>
        <source>Periodic review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the tables (Excel)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review could not be computed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2: %3, %4 closed; compared with %5 to %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 case received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cases received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction (1–5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to resolution, median (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to resolution, 90th percentile (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to resolution, median (working days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to resolution, 90th percentile (working days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response promises met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statutory time limits met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mediation success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compensation paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered from others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases claimed against a courier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of which money recovered (cases)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered from couriers in those cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence complete at closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases received by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation funnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promises met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limits met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shares met (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working days to resolution by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working days to resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P90 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the review report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the review tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review-%1-%2.%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search this case&apos;s details and the text of its evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search every case and its evidence (Ctrl+Shift+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words in Chinese or English, order, waybill or phone numbers (the last four digits are enough). Chats, e-mails, PDFs, transcripts and the text read from pictures are searched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the exhibits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the search and show the case&apos;s exhibits (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds of text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search only one kind of text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between dates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the evidence was made or captured (for a case&apos;s own details: when the complaint was made)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unexpected error (the details are in the log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search could not be done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a word, a name or a number to find it in this case&apos;s details and evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a word, a name or a number to find it in every case: its details, chats, e-mails, PDFs, transcripts and the text read from photos and screenshots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found for “%1” with these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 hits, best first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hits, best first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed beside the operator&apos;s name on walk-in receipts (受理人 / 工号)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator name above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed as the contact person on the organisation&apos;s claims (courier claims, 12305 appeals)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> years</source>
        <comment>after a number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted once handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long after a complaint is handled the customer&apos;s personal data is kept, as the walk-in receipt tells the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beijing time (UTC+08:00)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s time zone, with its offset beside each time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zone times are shown and typed in, in the app and in packets and receipts. Deadlines are counted in Beijing time either way; stored times do not change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer association / 12315</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbitration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Court</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courier claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move them to the folder&apos;s .ingested subfolder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete them (the case keeps the bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds, after a number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the system does not say when a file is finished, wait until it has not changed this long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: exhibits are not timestamped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of a timestamp authority (TSA, RFC 3161), e.g. http://timestamp.example.com/tsa. After each ingest the new exhibits and the custody log&apos;s last entry are stamped with one request; while it cannot be reached, the request waits and is sent later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only when the TSA&apos;s tokens do not carry its root certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: every timestamp is shown as “root not checked”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SHA-256 fingerprints of the timestamp authorities&apos; root certificates you have compared with the fingerprints the authorities publish, separated by commas. Only a timestamp whose root is one of them is shown as a trusted timestamp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From a certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read new pictures and scans in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For search and for suggested redactions; the text is kept beside the library, not as evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders attached to cases are kept in the library, the same for everyone who uses it: attach or detach them in a case&apos;s Evidence tab (Watch folders).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a holiday arrangement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlines in working days follow the State Council&apos;s holiday arrangement. Import a newer year (a CaseFile calendar file) when it is published; deadlines in a year not known are provisional.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff number (工号)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data kept after handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times shown in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-filing size limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watched files, once added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for files to settle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamp authority (TSA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TSA root certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned TSA roots (SHA-256)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text in pictures (OCR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Years known: %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a holiday arrangement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned once you save:
%1

Compare this fingerprint with the one the authority publishes: only a root you have checked should be pinned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TSA address must begin with http:// or https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new library is used from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to the team library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team library at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the library on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StampSender</name>
    <message>
        <source>%1
SHA-256 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(its root certificate cannot be read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A timestamp was attached whose root certificate is not one you pinned, so it is shown as “timestamp (root not checked)”, not as a trusted timestamp:

%1

Anyone can make a root and a timestamp authority under any name. Compare this fingerprint with the one the authority publishes; if they are the same, add it under Settings → Pinned TSA roots (or choose the authority&apos;s root certificate file there).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>A team library keeps the cases on the office&apos;s servers: a catalogue (PostgreSQL) and an evidence store. Everyone who connects works on the same cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never saved: asked at each start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for an S3 store. Taken from %1 and %2 when they are set; otherwise kept in your private team file (readable by you only), never in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence store address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S3 access key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S3 secret key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the catalogue&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the evidence store&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window works on the library folder on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window works on the team library %1, signed in as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the servers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both servers answer: the catalogue %1 and the evidence store %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the team library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save or revert the open case&apos;s edits first, then connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: the window shows the team library&apos;s cases (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save or revert the open case&apos;s edits first, then disconnect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected: the window shows the library folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>With… (not said)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who it was with: the business, the courier company, an agency…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal / not said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who spoke to whom, between our side and the one it was with: our demand to the business, or its agreeing to perform, interrupts the limitation period; its refusal does not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their reference (工单号/受理号)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number the other side gave it: ticket, complaint or acceptance number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When it happened (not when it is entered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the day is known, not the hour: the event is kept as a date alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened (Enter adds it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was decided or agreed (if anything)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibits, e.g. 1,3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the selected event in the row below to correct it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the selected event out of the timeline (the custody log keeps it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit %1, withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with: not said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ref. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(entered %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to open the exhibit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is this event taken out? (the custody log keeps it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing an event needs a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibits: write numbers separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibit %1 was withdrawn: no packet prints it, so the event cannot cite it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranscriptDialog</name>
    <message>
        <source>Transcript of exhibit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place or call (numbers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants, one a line, with how each was identified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcribed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person who recorded took part in the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert time (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One utterance a line: 00:01:23 张三：what was said, word for word. Start a line with * to mark a key passage.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnreachableDialog</name>
    <message>
        <source>The team library cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again once the server is back, or work on the library on this computer for now (the team library&apos;s cases are not there).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the library on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyResultsDialog</name>
    <message>
        <source>Verification results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild a damaged record from its custody log, write README.txt again, and record generated bundles that are missing or altered as lost (an altered one is moved to set-aside/ in the case folder). Evidence files are never changed. Everything done is recorded in the custody log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 is intact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 has problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 cases are intact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 cases have problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cases intact, %2 with problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 cases)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Walk-in complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile 13812345678 or landline 010-12345678</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was bought, e.g. phone, washing machine, haircut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order or receipt number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount paid, ¥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When, where, who, what happened, in the customer&apos;s words (Tab moves on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount asked, ¥ (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From &amp;phone folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder the phone syncs photos to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>80 mm receipt printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register and print receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register and save receipt PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bought on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;duct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Order / receipt no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;mount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went &amp;wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case &amp;type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer wan&amp;ts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pr&amp;iority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop registering? Case %1 would stay without its receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop registering? The customer would get no receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep registering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s own photos, added as evidence. Delete removes the selected ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept or returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the customer handed in, photographed or not: each is listed on the receipt, kept or returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand&amp;ed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply by %1 (within %2 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a phone number: a mobile has 11 digits (13812345678), a landline its area code (010-12345678).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an amount: yuan with at most two decimals, e.g. 1299 or 1299.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s photo of it, if it was photographed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noti&amp;ced on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: empty (0 bytes), not added; wait for the phone to finish sending it, or take the photo again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: incomplete, it does not open as a picture; not added: wait for the phone to finish sending it, or take the photo again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a picture, whatever its name says; not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not photographed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder the phone syncs photos to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drop files here; … chooses the phone-sync folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a phone number to reach the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what went wrong: the receipt tells the customer what the complaint is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in complaint from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering the case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the receipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 was created but is not complete; registering again completes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 is registered, but these files were not added:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program to open PDF files was found. The receipt is saved at:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save receipt PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 was created but its photos or receipt are missing. Close anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this complaint? Nothing has been registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep typing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchMenu</name>
    <message>
        <source>No case selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this case&apos;s inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detach %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(checked by polling)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused links still in the watched folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2 (reported %3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder to watch for case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is this folder on a network share or another computer?

If it is, CaseFile looks into it every few seconds instead of waiting to be told about new files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a whole drive or your home folder.

Every file at its top would become evidence of case %2 and be moved out of it. A folder to attach is the one a phone, scanner or screenshot tool saves into.

Attach %1 all the same?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New files in %1 are now added to case %2, then deleted from the folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New files in %1 are now added to case %2, then moved to its .ingested subfolder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer watched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePane</name>
    <message>
        <source>Welcome to CaseFile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library has no cases yet. Start one of three ways:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a case in the list, or start a new one:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case… (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A complaint by phone, online, by email or on social media: the form asks what its type needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in complaint… (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer at the counter: register with photos and hand over a receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a case archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case exported from another CaseFile (ZIP), checked before it is added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Overview</source>
        <extracomment>Where the overview edits each case detail search looks in (casefile.core.search.CASE_FIELDS).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edits not saved yet: Ctrl+S saves them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>{name}: the archive name must end in .zip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{destination} already exists; choose another name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder {parent} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number} does not verify; fix it before exporting: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the archive must hold exactly one case folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number!r} is not a case folder (expected a case number such as 202611-001)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the archive has no case.json; it is not a CaseFile case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: encrypted entries are not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the archive contains a link; refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: absolute or Windows-style path; refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: path escapes the case folder; refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name!r}: control characters in a name; refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the archive holds this entry twice; refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: not a regular file; refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: file outside the case folder; refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: not part of a case folder (unexpected or hidden entry); refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{archive} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not a readable ZIP archive ({exc})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number} is already in this library; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the archive needs {total} bytes but only {free} are free; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the archive does not verify; nothing was imported: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>importing {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{output}: the output name must end in .pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an exhibit is listed twice in --exhibits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit {number} was withdrawn ({withdraw_reason}); it cannot go in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown receipt layout {layout!r} (use {choices})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {case} has no exhibit {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{filename} is too large for a case record; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the archive has no custody log {name}; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the export was not recorded in the case: the library is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the archive&apos;s custody log cannot be replayed ({exc}); nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{filename} is not a file the case&apos;s custody log records; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{filename} declares {declared} bytes but the custody log records {expected}; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{filename} holds more than the {size} bytes the archive declares for it; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{filename} is damaged in the archive ({exc}); nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{filename} is compressed with a method CaseFile cannot read ({exc}); nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{filename}: size does not match the archive directory; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}-{month:02d}-{day:02d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing the custody log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custody log CUSTODY.jsonl is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custody log line {lineno} has sequence number {seq} (an entry was removed or inserted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custody log entry {seq} was altered (its hash does not match its content)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custody log entry {seq} does not follow the entry before it (the chain is broken)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custody log line {lineno} is not a valid entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number} is damaged ({reason}); it was left untouched — run &apos;casefile verify {number}&apos; and keep the folder as it is (&apos;casefile repair {number}&apos; rebuilds its record when the custody log is whole)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a system pseudo-file, not a file that can be evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a system folder of pseudo-files (/proc, /sys or /dev), not a folder of evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file of the CaseFile library itself, not a file that can be evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this folder contains the CaseFile library ({library}); choose the folder that holds the evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this folder is part of the CaseFile library; add files from outside it (files put in a case&apos;s inbox are added by &apos;casefile watch&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a regular file (a device, pipe or socket cannot be evidence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file disappeared before it could be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read: permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file changed while it was being read; nothing was added — add it again once it is complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adding {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden or system file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this folder is the CaseFile library; it cannot be evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>directory loop (this folder was already visited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has changed since it was added; run verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>symbolic link to nothing (broken link)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>symbolic link pointing outside the chosen folder ({target})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is full while {what}; nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied while {what}: {filename}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is read-only while {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing the library index {path} failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the library index was written by a newer CaseFile (schema {version}); please upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the library index {path}: {orig}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no exhibit {numbers} in case {case}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a withdrawal needs a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit {number} is already withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a new order must list every exhibit exactly once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot change {fields} of an exhibit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number!r} is not a case number (expected YYYYMM-NNN, e.g. 202611-001)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no case {number} in the library at {root}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the library file {marker}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it no longer contains the entry case.json recorded last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number}: case.json is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number}: case.json cannot be read ({exc})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no CaseFile library at {root}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{root} is not empty and is not a CaseFile library; choose an empty folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the library at {root} was written by a newer CaseFile; please upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} is in use by another CaseFile window or command; try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{marker} cannot be read: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening the library index {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{marker} is damaged: it should hold a JSON object with the library&apos;s format and version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{marker} is damaged: its version {version!r} is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating the library at {root}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating the case folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MANIFEST.sha256 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manifest line {lineno} is not in sha256sum format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manifest lists {name} twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the manifest is not valid UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a CaseFile case record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: expected an amount such as 1299.00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {value!r} must be zero or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {value!r} has more than two decimals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: expected a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: expected an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: expected true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: expected a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: expected text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: expected an ISO 8601 time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {value!r} is not an amount (e.g. 1299.00)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: unknown value {value!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {value!r} is not a time (use e.g. 2026-11-23T14:30 or 2026-11-23 14:30+08:00)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the custody log does not start with the creation of the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the custody log is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown agreement status {status!r} (use invalid, waived or in-force)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>say why the arbitration agreement is {status} (--reason)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit {number} is a {kind}, not an arbitration agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit {number} was withdrawn; it cannot be marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{output}: there is no folder {folder} to put the copy in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{output}: a folder has that name; give a file name ending in .pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{output}: the folder {folder} cannot be written to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>making the pages of exhibit {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a redaction needs a reason: what is covered, and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit {number} is asked for both as the original and as its redacted copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit {number} was withdrawn ({reason}); a withdrawn exhibit is not redacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit {number} ({name}) is neither a picture nor a PDF; only photos, screenshots and PDFs can be redacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit {number} was withdrawn; its redacted copy {copy} cannot go in either</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit {number} would go in twice (as itself and as its redacted copy); list one of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit {number} is not in this packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit {number} was withdrawn; it cannot go in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit {number} has no redacted copy; make one first (&apos;casefile redact&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>making a redacted copy of exhibit {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the picture cannot be decoded ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text!r} is not a box: give X,Y,W,H, e.g. 120,40,300,60</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a redaction needs at least one box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page {page} ({width} × {height} points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>box {box} is not four numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>box {box} has no area: its width and height must be more than 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>box {box} is not inside {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>box {box}: a picture has no pages; give the box without a page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>box {box}: boxes on a picture are in whole pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the picture ({width} × {height} pixels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>box {box}: say which page of the PDF it is on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>box {box}: the PDF has no page {page} (it has {pages})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the picture is too large to redact ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF is encrypted; an encrypted PDF cannot be redacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF cannot be read ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF&apos;s page tree is damaged (readers disagree on its pages: {a} or {b}); it cannot be redacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF has no page {page} (it has {pages})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the picture is too large to redact ({width} × {height} pixels; at most {limit} million)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first}
{rest}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
(once they are checked, add --force to accept the warnings and build anyway)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bundle was not built:
{findings}{hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  [error] {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  [warning] {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibits}: made before the purchase ({date}): a photo or video cannot show goods not yet bought. Check that it shows the goods bought this time, and correct the exhibit&apos;s time or the time of purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibits}: made before the goods were received ({date}): check that it was taken after they were received, and correct the exhibit&apos;s time or the time of receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (insured: compensation is limited to the insured value, {citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demands add up to {claimed}, not the {table} the loss table claims{why}: the claim letter states {table} from the loss table; check the amounts demanded, the goods&apos; value, the shipping fee and the insured value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refunds asked add up to {total}, more than the {paid} paid, with no basis stated: a refund is limited to the price actually paid; if the rest is compensation (such as the additional compensation of {citation}), list it as a compensation demand and state its basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibits}: the time of recording the transcript gives and the time the recording file records are more than a day apart; check them and correct one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibits}: the transcript&apos;s time marks go beyond the recording&apos;s length, so the transcript does not match the recording; correct it against the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the transcript says {transcript}, the file {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time mark {mark}, recording {length} long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibit {label} (file no. {number})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{citation}, the article&apos;s number in an earlier text; the matching article of the text in force is still to be checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibit {label} (file no. {number}, {detail})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{citation}, the article&apos;s number in the {year} text; the matching article of the text in force is still to be checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file&apos;s metadata shows it was processed or saved again by editing software; the other side may question whether it is the original, so keep the original medium ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is damaged; its content cannot be shown in the packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is encrypted; the packet can only hold a page saying so</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty (0 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is incomplete and may have been cut short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file&apos;s extension does not match its content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file&apos;s format is not recognised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the time the file records it was made is later than the time it was added: the device&apos;s clock may be wrong; check it and correct it in the exhibit&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file&apos;s modification time is far from the time the file records it was made; check when it was made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibits}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibits}: in the evidence group “{group}” but not next to each other in the packet, so the evidence list will list the group in several places. Move the group&apos;s exhibits together in the evidence list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence at all: the packet will hold the documents only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibits}: no proof purpose filled in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibits}: a recording with no transcript yet (in practice a written transcript is usually asked for)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibits}: over the volume limit of {limit} MB; it will be a volume of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibits}: in no evidence group while the other exhibits are grouped, so the evidence list will list them apart from the groups. Give them an evidence group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The complainant&apos;s name is missing ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The complainant&apos;s phone number is missing ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The complainant&apos;s postal address is missing ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The respondent&apos;s name is missing: a complaint must give the respondent&apos;s name and address, and one without them is not accepted ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The respondent&apos;s address is missing ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No demands filled in: a complaint must make specific demands ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plaintiff&apos;s name is missing ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant&apos;s name is missing ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plaintiff&apos;s domicile is missing ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant&apos;s domicile is missing ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The defendant&apos;s name is missing: a suit must have a clear defendant ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The respondent&apos;s name is missing ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The defendant&apos;s domicile is missing ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The respondent&apos;s domicile is missing ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No claims filled in: a suit must have specific claims ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No claims filled in: an arbitration application must state its claims ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No facts and reasons, and no timeline: a suit must have facts and reasons ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No facts and reasons, and no timeline ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The claimant is missing: a courier claim is made by the merchant (usually the sender). Fill in the case&apos;s claimant, or your organisation&apos;s name in the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The waybill number is missing: the carrier finds the parcel and takes the claim by it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The courier company (the party claimed against) is missing: the claim can go to the company the waybill belongs to or the one that actually delivered ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No proof of the goods&apos; value (invoice, order or payment record): an uninsured parcel is compensated under civil law, which needs the actual loss proved ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the parcel was insured is not filled in: insured and uninsured parcels are compensated under different rules ({citation}); the claim letter leaves the insurance and the amount claimed blank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unboxing video (from the waybill and the six sides of the package to the opening, the contents and the damage, in one uncut take)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photos of the package (every side, with the waybill number visible)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file no. {exhibit} is marked {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No arbitration agreement in force{marked}: an arbitration agreement must state the wish to arbitrate, the matters to arbitrate and the arbitration commission chosen; without a written agreement, one is deemed to exist only if the respondent does not deny it before the first hearing ({citation}). Add the arbitration agreement, or the contract page with the arbitration clause: casefile add {number} FILE --kind arbitration-agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s name is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s phone number is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt among the evidence (invoice, order or payment record) proves the goods&apos; value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insured, but the insured value is not filled in: an insured parcel is compensated by the insurance rules ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The problem was found {hours} hours after signing for the parcel: carriers often ask for it within 24–48 hours (not a time limit set by law); no objection within a reasonable time is prima facie evidence of delivery as the waybill records ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case&apos;s exhibit “{title}” (file no. {exhibit}) is an arbitration agreement: where the parties have a written arbitration agreement and may not sue in a people&apos;s court, the court tells the plaintiff to apply for arbitration ({citation}). If the agreement is void, or both sides have waived arbitration, mark it so first and give the reason: casefile exhibit {number} {exhibit} --agreement invalid (or waived) --reason REASON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ({marks})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{login} is not a user of this team library, or has been disabled; an administrator adds users with &apos;casefile team user add&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{login} cannot be a login: use letters, digits and _ . @ - (at most 63 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no case {number} in the team library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{role} is not a role (read, write or manage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pages {pages}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{pages} and more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page {pages}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a layer&apos;s visibility expression is not recognised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibit {label} ({title})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exhibit {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a layer&apos;s visibility expression is nested too deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text in a hidden layer runs on from visible text on the same line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the form holding a layer&apos;s content has no resources of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibit}: {pages} of the original file hold a layer hidden by default that cannot be removed safely ({reason}); the packet was not made, so that the hidden content does not appear in it. In a PDF reader keep the layer hidden, save or print it as a new PDF, check it, add it as a new exhibit and withdraw the original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibit}: {pages} of the original file hold an invisible text layer (common in scans, from text recognition): it is not seen in the packet but can be copied and searched; check it for personal data that should not be submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibit}: {pages} of the original file have text covered by blocks of colour that can still be copied and searched: a block of colour does not mask; mask what must not be seen with the masking tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibit}: {pages} of the original file have form entries with no appearance, which the packet cannot show; check the original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibit}: {pages} of the original file are too large or too complex to check for invisible or covered text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a content stream with layers is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>content with layers cannot be parsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a content stream with layers is too large or cannot be decoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is full while {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{root} is not a CaseFile library ({marker} is not a library marker)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the case is closed: reopen it, with the reason, before moving it to another stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removing an event needs a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an exhibit is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the library at {root} is read-only (a disc, a read-only share or a received copy): nothing can be changed in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number} does not agree with its custody log: {problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number} is damaged ({reason}) and was left untouched; nothing is written to it until it verifies again — run &apos;casefile verify {number}&apos;, or &apos;casefile repair {number}&apos; to rebuild its record from the custody log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{root} is a file, not a folder; choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no folder can be created at {root}; choose another place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a new case folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a scratch folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a scratch file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number} was created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the change to case {number} is recorded in its custody log, but {problem}; CaseFile completes it at the next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the change to case {number} was saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{changed}, but the library index could not be updated ({reason}); it is brought up to date at the next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number}: the custody log itself is damaged ({reason}); CaseFile cannot rebuild the record from it — restore the case folder from a backup or an exported archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number}: entries were cut off the end of its custody log; CaseFile cannot rebuild them — restore the case folder from a backup or an exported archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number} was repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the library index could not be rebuilt: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the custody entry case.json recorded last is not in the log as it was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no entry where the directory places it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>named {local} in its own header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its size or checksum differs from its own header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number} does not verify; fix it before exporting: {summary}. &apos;casefile repair {number}&apos; (or Repair in the app&apos;s verification results) puts this right and records it in the custody log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the archive is damaged: its directory does not match its contents ({name}: {problem}); nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The complaint answers the business&apos;s “more than seven days” with the return asked for on {date} (“{summary}”), but that event cites no exhibit, so the answer rests on the complainant&apos;s word alone. If there is a record of the request (the platform&apos;s refund or return request page, a chat), add it and link it to the event in the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timeline event of {date} “{summary}” cites {exhibits}: not the same day, so the exhibit does not record this event and the packet&apos;s “see exhibit” points the reader to something else. In the timeline, link the event to the exhibit that records it (or to none), or correct the event&apos;s time or the exhibit&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The complaint will say there is no arbitration or jurisdiction clause, as entered, yet the case holds an arbitration agreement: {agreements}. If the clause exists, answer yes and give its terms (and why it does not stand in the way); or clear the answer, and the complaint names the agreement: casefile edit {number} --jurisdiction-clause unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The goods are a mobile phone, but the time the fault first appeared is not filled in: under the mobile phone repair, exchange and return rule a performance fault within 7 days of the sale allows a return, exchange or repair, and from day 8 to day 15 an exchange or repair ({citations}); the packet cites the rule only when it can count the days: casefile edit {number} --fault-at TIME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plaintiff&apos;s identity document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the defendant&apos;s business registration record (for a person, the identity details)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the applicant&apos;s identity document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the original power of attorney ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt is issued in the name of “{name}” (the organisation in the settings), but the complaint is against “{respondent}”: the customer would take the receipt for the respondent&apos;s, and ask the wrong party. Issue it from the respondent&apos;s own CaseFile, or correct the respondent or the organisation in the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply time this receipt promises the customer, {due}, has passed: a receipt printed now promises a reply by a time already gone. Make sure the customer has had the store&apos;s reply, or tell them when they will</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timeline event of {date} “{summary}” cites {exhibits}: was it made on the event&apos;s day? Its time records no time zone and is close to midnight, so it may be the same day where the device was. If it is not, link the event to the exhibit that records it, or correct the event&apos;s time or the exhibit&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timeline event “{summary}” is dated {date}, before 2000: check its time (casefile event {number} --edit {n} --at TIME)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timeline event “{summary}” is dated {date}, after today: check its time (casefile event {number} --edit {n} --at TIME)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibits}: added with other exhibits under one proof purpose (“{purpose}”), which its title does not speak of (beyond the goods or the kind of file): the evidence list must state what each item proves ({citation}). Give it a purpose of its own, saying what this item shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mobile number {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone number {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bank card number {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail address {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline {events} say nobody as who they were with and are perhaps the courier&apos;s reply: set who each was with to the courier company (in the timeline, Correct…; or casefile event {number} --edit N --with courier, N being {numbers})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (insured: compensation is limited to the insured value, {citation}, and the {paid} the courier company already paid comes off it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record&apos;s dates contradict: {contradiction}: is its year mistyped? The limitation period would count from it; check its time (casefile event {number} --edit {n} --at TIME)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record&apos;s dates contradict: {contradiction}: one of these dates is wrong, and the packet would print both; correct it (casefile edit {number})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the {paid} the courier company already paid comes off it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a third party&apos;s (no party to the case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} ({summary}), of which {paid} is paid and {rest} is left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibits}: the picture shows a third party&apos;s personal data (as OCR read it), and the packet prints the picture as it is, unmasked: a court&apos;s and an arbitration&apos;s packets mask third parties, and the other side receives a copy ({citation}). Redact the picture (select the exhibit and press Ctrl+Shift+R, or casefile redact {number} EXHIBIT --box X,Y,W,H --reason REASON), then put the redacted copy in the packet in its place: this packet prints originals unless asked (tick the redacted copy instead of the original among the exhibits, or casefile bundle {number} --redacted EXHIBIT). Build it as it is only if the data may be shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the complainant&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the respondent&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the carrier&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the agent&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the claimant&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sender&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recipient&apos;s (the end customer&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The courier company has until {last_day} to answer the complaint of {complained}, and no answer of its is recorded: an appeal to the postal administration (12305) is taken when the company did not answer within 7 days or its answer did not satisfy ({citation}), so it can be made from {first_day}. If the company has answered, record its answer in the timeline, with the courier company as who it was with: the appeal quotes it{perhaps}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline {events} says nobody as who it was with and is perhaps the courier&apos;s reply: set who it was with to the courier company (in the timeline, Correct…; or casefile event {number} --edit {n} --with courier)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record shows the dispute taken to {proceedings}: the complaint&apos;s declaration says so instead of denying it. A market regulator does not accept a complaint about a dispute that a court, an arbitration institution, a market regulator or other administrative agency, or a consumer association has already accepted or handled ({citation}): check that this complaint can still be made before filing it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record shows the dispute taken to {proceedings}: the complaint&apos;s declaration says so instead of denying it. Consumer associations usually do not accept a dispute that a court, an administrative agency or an arbitration institution has accepted or handled (their practice, not a rule of law): check with the association that this complaint can still be made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record shows the matter taken to {proceedings}: the appeal&apos;s declaration says so instead of denying it. An appeal is taken when the same matter was not appealed to a postal administration before (or has new content) and no court or arbitration institution has accepted or handled it ({citation}): check that this appeal can still be made, and say what is new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An agreement is recorded on {day}: {owed}. The claims ask for the demands less what was paid, not for the agreement: to hold the respondent to the agreement, change the demands to what is left of it (casefile edit {number} --demand …); otherwise be ready to say why the agreement does not settle the dispute (a consumer association usually ends a mediation the parties settled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A decision is recorded on {day}: {owed}. The claims ask for the demands less what was paid: a dispute already decided is not heard again; enforce the decision instead, or check the demands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibits}: the capture time the photo records is no real time (the camera&apos;s clock was not set, or the value cannot be read), so the packet gives the time in the file&apos;s name or the file&apos;s modification time instead and says why; copying a file can change that time: check when the photo was taken, and correct it in the exhibit&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibits}: the picture shows personal data this destination must not see (as OCR read it), and the packet prints the picture as it is, unmasked: sending it hands that person&apos;s data to the recipient ({citation}). Redact the picture first: select the exhibit and press Ctrl+Shift+R (boxes over what OCR read are suggested), or casefile redact {number} EXHIBIT --box X,Y,W,H --reason REASON; the packet then prints the redacted copy. Build it as it is only if the recipient may see the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibits}: the redacted copy the packet prints still shows personal data this destination must not see (as OCR read it in the copy): its boxes do not cover it, and sending it hands that person&apos;s data to the recipient ({citation}), and the packet does not say of it that third parties&apos; data is covered. Redact the original again with boxes over that data (select the original and press Ctrl+Shift+R, or casefile redact {number} EXHIBIT --box X,Y,W,H --reason REASON), and let OCR read the new copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibits}: marked as a parcel&apos;s label (waybill), which shows the recipient&apos;s name, phone and address, and printed as it is, with no redacted copy: the packet masks personal data in texts, not in pictures ({citation}). Redact the label&apos;s personal data (select the exhibit and press Ctrl+Shift+R, or casefile redact {number} EXHIBIT --box X,Y,W,H --reason REASON), keeping the waybill number the carrier needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait until OCR has read them (the app&apos;s OCR status in the status bar, or casefile ocr {number} --wait), then check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR is not installed here (pip install &apos;casefile[ocr]&apos;); look at each picture and redact what shows anyone&apos;s personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} picture(s) not yet read by OCR, so the personal data in them cannot be checked ({exhibits}): {how}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibits}: OCR could not read the picture&apos;s text, so the personal data in it cannot be checked: look at it, and redact what shows anyone&apos;s personal data (select the exhibit and press Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{whose} {data}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Are the goods (“{goods}”) a mobile phone? The product&apos;s name does not say: a phone&apos;s fault within 15 days of the sale falls under the mobile phone repair, exchange and return rule ({citations}). Say so: casefile edit {number} --is-phone yes (or no)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the agent&apos;s identity document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event {n} ({at}: {summary})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{body}: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record shows {paid} already paid to the complainant by the respondent: the claims ask only what is left, {taken} taken off the refund or compensation demanded{left}; check the sums before filing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The goods are a mobile phone and the fault&apos;s time is filled in, but the purchase time is not: the mobile phone repair, exchange and return rule counts its 7 and 15 days from the day of sale ({citations}), so the packet does not cite it: casefile edit {number} --purchased-at TIME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No proof of the goods&apos; value (invoice, order or payment record): an insured parcel is compensated under the insurance rules agreed with the courier, usually the actual loss up to the insured value, which the goods&apos; value proves ({citation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer of the courier company&apos;s to the complaint of {complained} is recorded: the appeal will say the company did not answer within 7 days. {perhaps}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fault&apos;s time ({fault}) is before the purchase ({sold}): the mobile phone repair, exchange and return rule counts from the day of sale ({citations}), so the packet does not cite it. Correct one of them: casefile edit {number} --fault-at TIME (or --purchased-at TIME)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>. {events}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{title}” (file no. {exhibit}, {status})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ({left} could not be taken off any refund or compensation demanded and is not deducted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the login {login} exists already on the database server; only the catalogue&apos;s owner can make it a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a damage note says why the case is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the damage noted on case {number} is cleared only by a member who may change it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the damage noted on case {number} is cleared only with a verification that finds the case whole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({login}) administers the people of their own organisation only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number} was changed by {by} at {at} after you opened it, so your change was not saved; reload the case and apply your change again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the case could not be registered: the team library&apos;s case numbers of {month} are not in order ({reason}); nothing was saved, try again or ask an administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} is not a kind of text an exhibit has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit {exhibit} of case {number} is another file ({sha256}): its texts were not indexed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custody entry {seq} records sanitised copies but is not well-formed: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custody entry {seq} records a sanitised copy of exhibit {number}, which the case does not hold with that SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF cannot be opened ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF is damaged or truncated and cannot be redacted ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>README.txt is not the text CaseFile writes: its instructions for checking the case without CaseFile may have been changed; &apos;casefile repair {number}&apos; writes it again (the changed one is kept beside it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the search tables were damaged; they were set aside as {aside} and rebuilt from the case folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>README.txt, which tells anyone how to check the case without CaseFile, is missing; &apos;casefile repair {number}&apos; writes it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: exhibit {numbers} of case {case} is withdrawn, and no packet cites it; cite the exhibit that shows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is inside the CaseFile library ({library}); save it to a folder outside the library (a file put in a case&apos;s folder would stop the case from verifying)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening the library at {root}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noting the temporary file {path} failed: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case.json differs from its custody log in: {fields}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number}: the custody log cannot be replayed ({exc}); nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the library index could not be updated: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moving {name} aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MANIFEST.sha256 gives {path} a hash that is not its text&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not the text CaseFile writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}, which MANIFEST.sha256 lists, is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the case record has no readable format version ({version!r})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the case record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: expected a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the timeline holds no such event (it was changed or removed since)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit {number} is ingested twice in the custody log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a redacted copy names no exhibit of the case as its original ({number!r})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the redacted copy {copy} does not match its original, exhibit {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the case has no {what} {n!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>negotiation round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proceeding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the case is closed already: reopen it before closing it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a closing cannot be dated before the reopening it follows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only a closed case can be reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reopening cannot be dated before the closing it undoes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timestamp {id} is attached twice in the custody log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a finding names {party!r}, not a party of ResponsibleParty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timestamp {id} names a file outside timestamps/: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent (委托诉讼代理人)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courier claim: claimant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filing (court, arbitration, 消协)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{group} — {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demand {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} takes KIND [AMOUNT [BASIS [DESCRIPTION]]]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {value!r} is not one of {choices}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: expected a list of demands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source}: expected a JSON object of record fields (as in case.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source}: unknown fields {fields} (fields are named as in case.json, e.g. complainant.address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: expected text, not {value!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person or organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Representative&apos;s title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Law firm or employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lawyer&apos;s licence number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authority (代理权限)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform / store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product or service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brand and model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount paid (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchase time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time received (签收)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time the fault first appeared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The goods are a mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waybill number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier on the waybill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freight (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insured (保价)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insured value (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declared value (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance fee (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipped at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed for at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed for by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it was delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exception (damage, loss, delay…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exception time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovered at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Court</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbitration institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer association or market regulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause of action (案由)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbitration or jurisdiction clause agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clause and its terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preservation applied for before filing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preservation: court, date, case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consider mediation first (先行调解)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity papers ready to put in place of the packet&apos;s identity page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has read the court&apos;s notes on mediation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} needs a text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: expected an object with type, amount and basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: unknown keys {keys}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} cannot be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {value} is before the complaint time ({complained})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: choose one of {choices}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MANIFEST.sha256 lists no file: the case was made before CaseFile wrote {anchor} and holds no evidence yet, so &apos;sha256sum -c MANIFEST.sha256&apos;, the check README.txt gives, fails with &quot;no properly formatted checksum lines found&quot; though nothing is wrong. &apos;casefile repair {number}&apos; writes {anchor} and lists it in the manifest, after which that check passes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team library still notes this case damaged: only a verification by a member who may change the case clears the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{names}: incomplete, it does not open as a picture; not a photo the store can keep: wait for the phone to finish sending it, or take the photo again (nothing was registered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{names}: not a picture, whatever its name says; not a photo the store can keep: choose the photo itself, or take it again (nothing was registered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team library&apos;s custody log of case {number} ends at entry {theirs}, but this PC already had entry {seq} from it: entries were removed from the team library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custody entry {seq} of case {number} in the team library is not the one this PC had from it: the team library&apos;s history of the case was rewritten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keeping case {number} as this PC held it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} ({kind})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted {day}, counted afresh (民法典 art. 195)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} recorded {day}, after the complaint: counted from the complaint, check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>possible interruption {days} if it was a demand to the obligor or its agreeing to perform: check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>START DOUBTFUL: {doubt}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>safe day from {safe}, runs from {start}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the claim lodged with a body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the complainant&apos;s proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a case is closed with its result and the complainant&apos;s satisfaction: use casefile close (in the app, Handling → Close case…), not the closed stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the periodic review comes after the closing: close the case first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {value!r} is not yes, no or unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The arbitration institution is not filled in: the cover and the application&apos;s addressee will be a blank to fill by hand. Enter the institution the arbitration agreement chose ({citation}), by its full name as the agreement gives it, whether an arbitration commission or an arbitration court ({names}): casefile edit {number} --arbitration-body NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case holds no identity papers: the packet&apos;s identity page only lists what to attach: {papers}. Scan or photograph them and put them in place of that page, or after it, before filing; once they are ready: casefile edit {number} --identity-papers yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibits}: the arbitration agreement is marked void or waived, yet its proof purpose says it proves the agreement: in the plaintiff&apos;s own evidence list that is an admission ({admission}) the defendant can use to object that the case belongs to arbitration ({citation}). State the plaintiff&apos;s position in the proof purpose, e.g. “the clause is a standard term the shop set in advance and did not point out clearly, so it is void”, or leave the exhibit out of the packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibits}: the title is still the file&apos;s name, as the camera or phone gave it; the evidence list must state what each item is ({citation}). Give each a title saying what it shows, e.g. “photo of the damaged package”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the respondent&apos;s proof of legal status (its business registration record)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the law firm&apos;s letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a copy of the lawyer&apos;s practising certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No organisation is named in the settings: the receipt leaves the store&apos;s name, address and phone blank, to fill by hand. Enter the store&apos;s details in Settings → General (Organisation name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exhibits}: the e-mail&apos;s sender or recipient is recorded as no party&apos;s address, so the packet masks it as a third party&apos;s personal data. If it is a party&apos;s own (the complainant&apos;s mailbox, the business&apos;s service mailbox), enter it as that party&apos;s e-mail in the case details (several addresses separated by ；): a party&apos;s own address is then printed in full where the destination shows that party. To have every address at the business&apos;s own domain taken as the business&apos;s, add the domain to its e-mail as @domain (a public mail service&apos;s domain is never taken as anyone&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No complaint to the courier company is recorded: an appeal to the postal administration (12305) is taken after complaining to the company, when it did not answer within 7 days or its answer did not satisfy ({citation}); the appeal will say that no complaint is recorded. Record the complaint with its date and ticket number: casefile event {number} --kind complaint --with courier --at TIME --ref TICKET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt is issued in the name of “{name}” (the organisation in the settings), a name with “{word}” in it: a law firm, consumer association, regulator or tribunal, not a business. A walk-in receipt is the store&apos;s acknowledgement that it received the customer&apos;s complaint, and tells the customer to ask the store. Issue it from the store&apos;s own CaseFile, or enter the store under Settings → General (Organisation name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: not JSON ({exc})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID or credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} cannot be set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custody entry {seq} records the action {action!r}, made by a newer CaseFile; please upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custody entry {seq}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custody entry {seq} creates the case a second time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number} was changed by {by} at {at} after you opened it: {fields}; nothing was saved — reload the case and make your change again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proof purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capture time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whether the other side agrees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>why the other side disagrees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what was handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whether it was kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the timeline event of {at}: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>their number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>when it was filed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>when it was accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the hearings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the testing periods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>when it was decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>when it was served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>when it ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the exhibits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials handed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proceeding {number}: {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} (by {by} at {at})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit {number}: {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custody entry {seq} has an unreadable format version {version!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} is in format {version}, made by a newer CaseFile (this one reads up to {current}); please upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} is in format {version}, which this CaseFile cannot read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keeping a copy of {name} before updating its format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the period ends ({last}) before it starts ({first})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading text from pictures (OCR) is not installed; install CaseFile with its OCR part: {command}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the OCR engine did not start ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the OCR worker answered {answer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is missing from the case folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the OCR worker stopped while reading the file ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the file took longer than {seconds} seconds a page; it was stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the picture is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the picture is too large to read ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF cannot be opened ({reason}); an encrypted PDF cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the picture is too large to read ({width} × {height} pixels; at most {limit} million)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file needs more memory to read than there is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be read ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the engine could not read the file ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the search tables {path}: {orig}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the evidence store {store} has no object with SHA-256 {digest}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the evidence store {store} holds other bytes than SHA-256 {digest} names (read {size} bytes with SHA-256 {found}…): the stored object was changed or truncated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file&apos;s SHA-256 is {found}, not {digest} as expected; nothing was stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the evidence store {store} retains SHA-256 {digest} until {until}; it cannot be deleted before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the evidence store {store} retains SHA-256 {digest} until {until}; retention cannot be shortened to {asked}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not a SHA-256 digest (64 hexadecimal digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a retention date needs a time zone: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the evidence store {store} keeps SHA-256 {digest} under a legal hold; it cannot be deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storing evidence in {store}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading evidence from {store}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recording a retention date in {store}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changing a legal hold in {store}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleting evidence from {store}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed since it was added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed while it was being read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a link to a file elsewhere, not a file kept in the case folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit {number} ({path}): {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit {number} ({path}): {reason} ({detail})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {case}: {count} exhibit file(s) differ from what the case recorded: {exhibits}. Nothing was made from them; run &apos;casefile verify {case}&apos; to check the whole case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 now {digest}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a retention period is from 1 to {longest} years after the case&apos;s closing, not {years}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open cases are renewed from 1 to {longest} days ahead, not {days}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the evidence store {store} cannot be reached ({reason}) while {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the bucket&apos;s Object Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} in {store} failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bucket {store} has no Object Lock; evidence needs a bucket made with Object Lock on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>looking for evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setting a retention date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changing a legal hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleting evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating the bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting an upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storing evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uploading part {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finishing an upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{url} is not an evidence store address (folder:/PATH, share:/PATH or s3://BUCKET?endpoint=URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number} does not verify, so it stays out: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong password, or no such login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this login has been disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number}: its custody log does not check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number} is in the team library already with another custody log (its head there is not {head}); the two have gone separate ways and neither is overwritten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no team library is set up here ({path}); run casefile team init first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team library file {path} cannot be read ({exc})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{url}: an S3 store is given as s3://BUCKET?endpoint=http://HOST:PORT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the S3 store needs its keys: set {access} and {secret}, or keep them in the team file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team catalogue {server} cannot be reached: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{url} is not a catalogue address (postgresql+psycopg://USER@HOST:PORT/DB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team catalogue {server} cannot be opened: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{server} answers but holds no CaseFile catalogue; set it up with casefile team init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the evidence store {store} is not there; set it up with casefile team init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signing in to the team catalogue {server} as {login} was refused: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{login} may not use the team catalogue {server}; an administrator adds them as a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the evidence store {store} cannot be made: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timestamp {id}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Merkle root of its leaves is not the root that was stamped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token&apos;s time or serial number is not the one the custody log recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its tree does not cover the exhibits the custody log says it covers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its tree does not hold exactly one custody entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the custody entry {seq} it stamped is not in the custody log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custody entry {seq} is not the entry the TSA stamped: the custody log was rewritten from there on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the custody entry in its tree is not the one the custody log recorded for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is attached before the custody entry it stamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was attached at {at}, before the TSA&apos;s time {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timestamp {id}: the TSA&apos;s certificate expired on {date} and no renewal was made before it; the token still validates as of its own time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the custody log does not record its file {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not as it was when the stamp was attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its tree {name} cannot be read ({exc})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its files cannot be read ({exc})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the inclusion proof of leaf {n} does not lead to the stamped root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custody entry {seq} is dated {at}, after the TSA&apos;s time {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit {number} in its tree is not the exhibit the case holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the earlier token it renews is not the one the case holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no trusted timestamps: no timestamp authority (TSA) is chosen in the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({login}) has no {role} access to case {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({login}) is not an administrator of this team library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no organisation {name} in the team library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no team {name} in {organisation}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no user {login} in the team library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access is given to one user, one team or one organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a new user&apos;s database login {login} needs a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record shows {paid} already paid by the courier company: the loss table takes it off what the carrier owes in all (the goods&apos; value plus shipping fee, or the insured value when that is lower) and the claim asks for what is left; check the sums before filing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} is not a plausible day for a review (use days between {earliest} and {latest})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the genuine file cannot be stored under its name, so nothing was stored. Keep the file, and tell whoever runs the evidence store (the team library&apos;s administrator): the object must be put right there, and until then every case naming this SHA-256 is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the evidence store {store} already holds other bytes under the name of this file (SHA-256 {digest}; the bytes there have SHA-256 {found}…), which a write-once store keeps: {advice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the evidence store {store} already holds other bytes under the name of this file (SHA-256 {digest}; the bytes there have SHA-256 {found}…), locked by the store until {until}: {advice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setting aside other bytes found under the name of evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exhibit {n} ({path})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number}, {what}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text!r} is not a SHA-256 fingerprint (64 hexadecimal digits, colons allowed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} holds no root certificate (a self-signed one): choose the authority&apos;s root, not its own certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a certificate file (PEM or DER): {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TSA&apos;s token does not carry its root certificate: choose the TSA&apos;s CA certificate file in the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number}: its custody log has no readable last entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TSA&apos;s CA certificate {path} cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TSA address {url} is not an http:// or https:// address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TSA refused the request ({status}: {text})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TSA&apos;s answer holds no time-stamp token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the time-stamp token is not signed data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TSA stamped another digest than the one asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TSA&apos;s answer does not carry the request&apos;s nonce (a replayed answer?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token stamps a {algorithm} digest, not SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token stamps another digest than the Merkle root of its tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TSA&apos;s certificate chain holds no root certificate to check the token against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token&apos;s signature does not match its content (the token was altered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token&apos;s signature is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token does not validate: the TSA&apos;s certificate was not valid at the token&apos;s time {time} ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TSA&apos;s certificate does not chain to the root kept beside the token ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TSA at {url} answered HTTP {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TSA at {url} cannot be reached: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate file is not PEM: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TSA&apos;s answer is not an RFC 3161 time-stamp response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token&apos;s signature does not validate: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the transcript has no lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transcript line {number}: {at} is not a time in the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transcript line {number} does not start with a time such as 00:01:23 张三：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text!r} is not a phone number (a mobile like 13812345678, a landline like 010-12345678, or 400-123-4567)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text!r} is not an 18-character unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text!r}: the check character of this credit code is wrong (mistyped?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {text!r} is not a resident ID number (18 characters: 17 digits and a check digit or X; an old 15-digit number is accepted when its birth date is real)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {text!r}: the check digit of this ID number is wrong (mistyped?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {text!r}: the birth date in this ID number ({date}) is not a real date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {text!r}: the birth date in this ID number ({date}) is in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {text!r} is not a postcode (six digits, e.g. 200030)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {text!r} is not an email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {text!r} is not a plausible birth date (from {earliest} to today)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {text!r} is not a gender (男 or 女, male or female)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {value!r} is not a quantity (a whole number from 1 to {limit})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {value} is not a weight in kilograms (e.g. 1.25; at most three decimals)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {value} is not a plausible time (use a date between {earliest} and {latest})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {value} is more than {limit} yuan; check the amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} is too long: {length} characters (at most {limit})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} contains a control character ({char}), which cannot be printed; type it again without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} contains {char}, half of a character (a broken copy or file); type it again without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {value} is in the future; check the date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transcript: the recording ends ({ended}) before it starts ({started})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: the birth date {born} does not match the one in the ID number ({stated})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {text!r} is not an 18-character unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {text!r}: the check character of this credit code is wrong (mistyped?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {text!r} is an old 15-digit ID number, which has no check digit; only its birth date can be checked, and 19{date} is not a real date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {text!r} is not a date (e.g. 1990-05-01)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {text!r} is not one of {choices}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {value} is not a weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {text!r} is not a phone number (a mobile like 13812345678, a landline like 010-12345678, or 400-123-4567)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transcript line {number}: the time mark {mark} is beyond the end of the recording ({length}); check the transcript against the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {text!r} is a resident ID number; an organisation is named by its unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {text!r} is a unified social credit code; for a person give the resident ID number (or make the party an organisation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown destination {text!r} (use {choices})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a {venue} packet cannot go to {route} (destinations: {allowed})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a link (to {target}), not a file kept in the case folder: a copy of the folder would not hold its bytes. Put the file itself back in its place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: the team library&apos;s evidence store has no object with SHA-256 {digest}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: the team library&apos;s evidence store holds other bytes than the case recorded (SHA-256 {found}…, not {digest}): the stored object was changed or truncated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MANIFEST.sha256: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MANIFEST.sha256 lists {path}, which the custody log never recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the custody log cannot be replayed: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder is named {folder} but holds case {case} (renamed outside CaseFile?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the custody log ends at entry {entries} but case.json has seen entry {seq}: entries were cut off the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MANIFEST.sha256 does not list {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MANIFEST.sha256 gives {path} a hash the custody log never recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case.json differs from its custody log in: {fields} (edited outside CaseFile?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim the costs of the proceedings (court or arbitration fees) from the other side (not entered: yes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this run was not recorded: the library is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this run was not recorded: the case is damaged, so nothing is written to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this run could not be recorded in the custody log: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no folder at {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder} is inside the library; attach a folder outside it (each case&apos;s inbox is watched already)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a CaseFile list of attached folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} has no valid version number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} was written by a newer CaseFile (version {version}); please upgrade to use the attached folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder} is not attached to case {case}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the list of attached folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder} is already attached to case {case}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: this PC&apos;s working copy still holds the file the case recorded ({copy}); keep a copy of it for whoever puts the store right (the copy here is a cache and may be replaced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a generated bundle is missing or altered ({paths}); it is CaseFile&apos;s output, not evidence: &apos;casefile repair {number}&apos; records it in the custody log as lost (an altered one is moved to {aside}/), after which the case verifies; then make a new bundle if you need it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: a generated bundle recorded as altered on {when} by {operator} (custody entry {seq}); the altered file was moved to {aside}. The evidence is not affected: make a new bundle if needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: a generated bundle recorded as lost on {when} by {operator} (custody entry {seq}). The evidence is not affected: make a new bundle if needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{names}: empty (0 bytes), not a photo the store can keep; wait for the phone to finish sending it, or take the photo again (nothing was registered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder} is a whole drive or the home folder: every file at its top would become evidence of case {case} and be moved out of it. Attach the folder the phone, scanner or screenshots save into; to attach this one all the same, confirm it (casefile attach --wide)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder} is the library&apos;s own folder {inside}, reached by another path (a second mount of the drive or share, or a link); attach a folder outside the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is waiting: the case is in use by another CaseFile window or command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is still being written; it is left for the next run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected error while watching: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder {folder} is attached to case {case}, which is not in this library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason}. Nothing is taken from it or moved out of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is in the case now, but it could not be cleared from the watched folder: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder {folder} is not available; it is watched again once it is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team library names a file {rel!r} outside its case folder; refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number}: its custody log in the working copy changed outside the change; nothing was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team library&apos;s custody log of case {number} does not check: {problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team library&apos;s custody log of case {number} ends at entry {theirs}, before the {here} entries this working copy verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetching {name} from the evidence store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number} is being changed by another client of the team library; try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number}: custody entry {seq} written here does not follow the team library&apos;s log; nothing was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number}: the log changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number} was put back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the custody log could not be compared with the team library&apos;s: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team library&apos;s custody entry {seq} of case {number} does not match its own line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custody entry {seq} of case {number} in the team library differs from the one this working copy verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing case {number} in the working copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {number} was brought up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no working day within a year after {day}: the calendar data is wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a CaseFile calendar file (format {format} expected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} holds no years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: the year {year} has no list of days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: {item} is not a year of the calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: the year {year} lists no rest days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: {day} is listed both as a rest day and as a working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: {day} is listed under the year {year}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the calendar file {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: the year {year} leaves out holidays the law fixes as rest days (全国年节及纪念日放假办法 art. 2): {days}; this is not the State Council&apos;s arrangement for the year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: {item} is not a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {value!r} is not a satisfaction from 1 (very dissatisfied) to 5 (very satisfied)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: no exhibit {numbers} in case {case}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {value} is before {what} ({earlier})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the case is closed: reopen it, with the reason, before recording more of its handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a proposal needs a summary of what is proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {case} has {count} negotiation round(s); casefile show numbers them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an answer is accepted, rejected or countered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>round {round} was answered already ({answer}); record a new proposal instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the filing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the filing or acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case {case} has {count} proceeding(s); casefile show numbers them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a proceeding has no field {fields}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a testing period of this proceeding is still open: end it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no testing period of this proceeding is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount: a payment is more than zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the case is closed already (casefile reopen, with the reason, opens it again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the case is not closed: only a closed case can be reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reopening a case needs a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last reopening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the case entered its current stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the receipt of the goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signature for the parcel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the parcel&apos;s exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the discovery of the exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} ({date}) is before {other} ({other_date})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the timeline event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the timeline event “{summary}” ({date}) is more than a year before {other} ({other_date})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at: {value} is before the case entered its current stage ({since}); a stage follows the one before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moving case {case} to {stage} skips {skipped}: confirm the skip, with a note saying why (casefile stage --skip-stages --note …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipping stages needs a note saying why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a resource file is missing: {path} (reinstall CaseFile)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>times</name>
    <message>
        <source>“{text}” is later than this field takes (at the latest {limit}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is earlier than this field takes (at the earliest {limit}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not a possible time here. Type it as {example}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} or {digits}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a time as {example}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response promise ran out at %1 (%2 h from the complaint): answer at once</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
