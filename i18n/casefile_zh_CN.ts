<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BundleHistoryModel</name>
    <message>
        <source>Made at</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>去向</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Reprint (补打) of edition %2 — %1</source>
        <translation>第%2版的补打 — %1</translation>
    </message>
    <message>
        <source>Edition %2, corrected (更正): %3 — %1</source>
        <translation>第%2版 更正：%3 — %1</translation>
    </message>
    <message>
        <source>Edition %2 — %1</source>
        <translation>第%2版 — %1</translation>
    </message>
    <message>
        <source>Printed again by %1 at %2 with nothing it prints changed: a 补打 of the receipt issued %3.</source>
        <translation>%1 于 %2 补打，内容未变：为 %3 出具的回执的补打。</translation>
    </message>
    <message>
        <source>Edition %1, printed by %2 at %3 after the record changed: the receipt issued %4 is void.
Changed: %5</source>
        <translation>第%1版，%2 于 %3 在记录更改后出具：%4 出具的回执作废。
更改：%5</translation>
    </message>
    <message>
        <source>%1: notes for whoever files it</source>
        <translation>%1：办理指引（非提交材料）</translation>
    </message>
    <message>
        <source>%1: online filing, %2</source>
        <translation>%1：网上立案 %2</translation>
    </message>
    <message>
        <source>%1
Made by %2; exhibits in order: %3
SHA-256: %4</source>
        <translation>%1
生成人：%2；证据顺序：%3
SHA-256：%4</translation>
    </message>
    <message>
        <source>The file is no longer in the case folder.</source>
        <translation>该文件已不在案卷文件夹中。</translation>
    </message>
    <message>
        <source>The file in the case folder is not the one saved: its SHA-256 differs.</source>
        <translation>案卷文件夹中的文件已不是当初保存的文件：其SHA-256不一致。</translation>
    </message>
    <message>
        <source>Recorded as lost in the custody log by %1 (entry %2); a new bundle can be made instead.</source>
        <translation>已由 %1 在保管记录中记为遗失（第 %2 条）；可重新生成材料代替。</translation>
    </message>
    <message>
        <source>The altered file was moved to %1.</source>
        <translation>被改动的文件已移至 %1。</translation>
    </message>
    <message>
        <source>Changed since the bundle made before for the same venue and destination:
%1</source>
        <translation>与此前为同一机构和提交对象生成的材料相比，变更如下：
%1</translation>
    </message>
    <message>
        <source>A later bundle was made for the same venue and destination.</source>
        <translation>此后已为同一机构和去向另行生成过材料。</translation>
    </message>
</context>
<context>
    <name>BundleWizard</name>
    <message>
        <source>Make a bundle</source>
        <translation>生成证据材料</translation>
    </message>
    <message>
        <source>1. Venue</source>
        <translation>1. 选择去向</translation>
    </message>
    <message>
        <source>2. Exhibits</source>
        <translation>2. 选择证据</translation>
    </message>
    <message>
        <source>3. Check</source>
        <translation>3. 检查</translation>
    </message>
    <message>
        <source>4. Generate</source>
        <translation>4. 生成</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>材料去向(&amp;V)：</translation>
    </message>
    <message>
        <source>Receipt &amp;paper:</source>
        <translation>回执纸张(&amp;P)：</translation>
    </message>
    <message>
        <source>Sen&amp;d to:</source>
        <translation>提交对象(&amp;D)：</translation>
    </message>
    <message>
        <source>A5 sheet</source>
        <translation>A5 纸</translation>
    </message>
    <message>
        <source>80 mm receipt roll</source>
        <translation>80 毫米热敏纸卷</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move the selected exhibit up (Alt+Up)</source>
        <translation>将所选证据上移（Alt+↑）</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>Move the selected exhibit down (Alt+Down)</source>
        <translation>将所选证据下移（Alt+↓）</translation>
    </message>
    <message>
        <source>Check all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Check none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Ticked exhibits go into the bundle in this order, numbered 证据1, 证据2… Drag, or use Alt+Up and Alt+Down, to reorder: that moves the exhibit in the case&apos;s evidence order, which the evidence tab, the command line and every packet follow.</source>
        <translation>勾选的证据按此顺序编入材料，依次为证据1、证据2……可拖动，或用 Alt+↑、Alt+↓ 调整顺序：这会改变本案的证据顺序，证据页、命令行和之后生成的每份材料都按此顺序。</translation>
    </message>
    <message>
        <source>&amp;Split into volumes of at most:</source>
        <translation>分册，每册不超过(&amp;S)：</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>no split</source>
        <translation>不分册</translation>
    </message>
    <message>
        <source>Volumes are cut between exhibits, for upload limits of online filing systems. 0: one file.</source>
        <translation>在证据之间分册，以适应网上立案系统的上传限制。0 表示不分册。</translation>
    </message>
    <message>
        <source>Also save one file per component for online filing (each under the size limit, 10 MB if none)</source>
        <translation>同时按材料类别分别生成文件，供网上立案上传（每个文件不超过分册大小，未设置时为 10 MB）</translation>
    </message>
    <message>
        <source>The main document, the evidence list, the evidence (in volumes), the identity papers and, for a court, the service address form, each as a PDF of its own, named in Chinese.</source>
        <translation>起诉状（或申请书、投诉书）、证据目录、证据（可分册）、身份证明，以及法院立案所需的送达地址确认书，各为一个以中文命名的 PDF 文件。</translation>
    </message>
    <message>
        <source>Accept the warnings and leave blanks to fill by hand</source>
        <translation>接受以上警告，缺项留空待手工填写</translation>
    </message>
    <message>
        <source>What leaves the machine: masked, stripped or replaced for this destination (check before sending)</source>
        <translation>信息披露：为此去向遮盖、去除或替代的内容（发送前请核对）</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Make another bundle</source>
        <translation>再生成一份</translation>
    </message>
    <message>
        <source>Working out what will be masked or removed…</source>
        <translation>正在核算将被遮盖或去除的内容……</translation>
    </message>
    <message>
        <source>Nothing is masked or removed: this destination sees the evidence and the record as they are.</source>
        <translation>无需遮盖或去除：此去向可看到证据和案件记录的原貌。</translation>
    </message>
    <message>
        <source>The disclosure report saved beside the packet (in Chinese, as the packet) lists:</source>
        <translation>随材料保存的信息披露报告将列明：</translation>
    </message>
    <message>
        <source>Making the bundle…</source>
        <translation>正在生成材料…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Title on the documents: %1</source>
        <translation>文书标题：%1</translation>
    </message>
    <message>
        <source>%1 of %2 exhibits go into the bundle, in the case&apos;s evidence order (withdrawn exhibits are not listed).</source>
        <translation>共 %2 件证据，其中 %1 件按本案证据顺序编入材料（已撤回的证据不列出）。</translation>
    </message>
    <message>
        <source>Double-click to show the exhibit.</source>
        <translation>双击查看该证据。</translation>
    </message>
    <message>
        <source>Double-click to go to the field to fill in.</source>
        <translation>双击转到需要填写的栏目。</translation>
    </message>
    <message>
        <source>Error: the bundle cannot be made until this is fixed.</source>
        <translation>错误：修正此项之前无法生成材料。</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>%1 error(s) block this bundle; fix them in the case first.</source>
        <translation>有 %1 项错误，无法生成材料；请先在案件中修正。</translation>
    </message>
    <message>
        <source>%1 warning(s): the bundle can be made, with blanks on the documents to fill in by hand.</source>
        <translation>有 %1 项警告：可以生成材料，文书中的缺项留空待手工填写。</translation>
    </message>
    <message>
        <source>No problems found: ready to generate.</source>
        <translation>未发现问题，可以生成。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Cancelled, nothing saved.</source>
        <translation>已取消，未保存任何文件。</translation>
    </message>
    <message>
        <source>The bundle was not made.</source>
        <translation>材料未生成。</translation>
    </message>
    <message>
        <source>Laying out the documents…</source>
        <translation>正在排版文书…</translation>
    </message>
    <message>
        <source>Laying out the evidence list…</source>
        <translation>正在排版证据目录…</translation>
    </message>
    <message>
        <source>Assembling and stamping the pages…</source>
        <translation>正在合并并加盖页码…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Laying out the receipt…</source>
        <translation>正在排版回执…</translation>
    </message>
    <message>
        <source>Exhibit pages: %1</source>
        <translation>证据页面：%1</translation>
    </message>
    <message>
        <source>%1 file(s), %2 pages, saved in the case&apos;s bundles folder:</source>
        <translation>%1 个文件，共 %2 页，已保存在案卷的 bundles 文件夹：</translation>
    </message>
    <message>
        <source>One file per component, for online filing:</source>
        <translation>网上立案分类文件：</translation>
    </message>
    <message>
        <source>Notes for whoever files it (not part of the packet):</source>
        <translation>办理指引（供提交人参考，不属于提交材料）：</translation>
    </message>
    <message>
        <source>What was masked or removed (check before sending; not part of the packet):</source>
        <translation>已遮盖或去除的内容（发送前请核对，不属于提交材料）：</translation>
    </message>
    <message>
        <source>%1 warning(s) accepted: fill in the blanks by hand before submitting.</source>
        <translation>已接受 %1 项警告：提交前请手工填写空白处。</translation>
    </message>
    <message>
        <source>Addressed to a consumer association; its notes cite the association&apos;s task in the consumer protection law and mark its own acceptance rules as practice.</source>
        <translation>致消费者协会（消费者权益保护委员会）；提交须知引用消费者权益保护法规定的消协职能，消协自身的受理规则标注为实务做法。</translation>
    </message>
    <message>
        <source>Addressed to the market regulator (12315); its notes cite the complaint handling measures. A dispute taken to the consumer association as well may be refused by either.</source>
        <translation>致市场监督管理部门（12315）；提交须知引用《市场监督管理投诉举报处理暂行办法》。同一争议同时向消协投诉的，任何一方都可能不予受理。</translation>
    </message>
    <message>
        <source>A claim letter to the carrier, made by the merchant (the claimant).</source>
        <translation>由商家（索赔人）向快递企业提出的理赔申请书。</translation>
    </message>
    <message>
        <source>An appeal to the postal administration (12305), for when the carrier did not answer within 7 days or its answer does not satisfy: cover and appeal instead of the claim letter.</source>
        <translation>向邮政管理部门（12305）提出的申诉：快递企业7日内未答复或对处理结果不满意时使用，以申诉封面和申诉书代替理赔申请书。</translation>
    </message>
    <message>
        <source>For a complaint to the consumer association or 12315: cover, complaint letter, evidence list, the exhibits, the integrity annex and filing notes. The complainant&apos;s full contact details are shown, as a complaint requires.</source>
        <translation>用于向消费者协会或 12315 投诉：封面、消费投诉书、证据清单、证据、完整性校验表及提交须知。按投诉要求，投诉人联系方式完整显示。</translation>
    </message>
    <message>
        <source>For filing at a people&apos;s court: cover, civil complaint, address-for-service form, evidence list, the exhibits, the integrity annex and filing hints.</source>
        <translation>用于向人民法院立案：封面、民事起诉状、送达地址确认书、证据目录、证据、完整性校验表及立案提示。</translation>
    </message>
    <message>
        <source>For an arbitration commission: cover, arbitration application, evidence list, the exhibits, the integrity annex and filing notes. An arbitration agreement must be among the exhibits.</source>
        <translation>用于向仲裁委员会申请：封面、仲裁申请书、证据目录、证据、完整性校验表及提交须知。证据中必须有仲裁协议。</translation>
    </message>
    <message>
        <source>For a claim against a courier: cover, claim letter, evidence list, the exhibits, the integrity annex, and where to appeal and by when. The customer&apos;s details are masked.</source>
        <translation>用于向快递公司索赔：封面、快递理赔申请书、证据清单、证据、完整性校验表，以及申诉途径和期限。顾客个人信息已遮盖。</translation>
    </message>
    <message>
        <source>A receipt for a complaint made in person, listing the materials handed in, to print and sign. Choose an A5 sheet or an 80 mm receipt roll.</source>
        <translation>到店投诉的受理回执，列明收取的材料，打印后签字。可选 A5 纸或 80 毫米热敏纸卷。</translation>
    </message>
</context>
<context>
    <name>BundlesTab</name>
    <message>
        <source>Bundles made for this case</source>
        <translation>本案已生成的材料</translation>
    </message>
    <message>
        <source>Double-click a bundle, or press Enter on it, to open it.</source>
        <translation>双击材料或选中后按 Enter 键即可打开。</translation>
    </message>
</context>
<context>
    <name>CaptureTimeDialog</name>
    <message>
        <source>Correct the capture time</source>
        <translation>更正形成时间</translation>
    </message>
    <message>
        <source>Exhibit %1: when was this file really made? The time the file states stays recorded.</source>
        <translation>案卷编号%1：此文件实际是什么时候形成的？文件自身记录的时间仍会保留。</translation>
    </message>
    <message>
        <source>Capture time</source>
        <translation>形成时间</translation>
    </message>
</context>
<context>
    <name>CaseFile</name>
    <message>
        <source>CaseFile</source>
        <translation>CaseFile 案卷</translation>
    </message>
    <message>
        <source>Something went wrong. CaseFile keeps running; nothing was lost.</source>
        <translation>出现了意外错误。CaseFile 仍在运行，没有丢失任何数据。</translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation>产品质量</translation>
    </message>
    <message>
        <source>Logistics / courier</source>
        <translation>物流/快递</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Transaction / refund / fee</source>
        <translation>交易/退款/费用</translation>
    </message>
    <message>
        <source>Misleading information</source>
        <translation>虚假/误导信息</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>核实与分类</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>协商与方案</translation>
    </message>
    <message>
        <source>Customer confirmation</source>
        <translation>客户确认</translation>
    </message>
    <message>
        <source>Internal mediation</source>
        <translation>内部调解</translation>
    </message>
    <message>
        <source>External route</source>
        <translation>外部途径</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>执行与反馈</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>定期复盘</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>生产者</translation>
    </message>
    <message>
        <source>We are complained to (the response promise runs)</source>
        <translation>我方是被投诉方（适用响应承诺）</translation>
    </message>
    <message>
        <source>We are the complainant (no response promise)</source>
        <translation>我方是投诉方（不适用响应承诺）</translation>
    </message>
    <message>
        <source>We → them</source>
        <translation>我方→对方</translation>
    </message>
    <message>
        <source>They → us</source>
        <translation>对方→我方</translation>
    </message>
    <message>
        <source>The manufacturer</source>
        <translation>生产者（厂家）</translation>
    </message>
    <message>
        <source>Another party</source>
        <translation>其他第三方</translation>
    </message>
    <message>
        <source>the business complained about</source>
        <translation>被投诉经营者</translation>
    </message>
    <message>
        <source>the courier company</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>the consumer</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>the consumer association</source>
        <translation>消费者协会</translation>
    </message>
    <message>
        <source>the market regulator</source>
        <translation>市场监督管理部门</translation>
    </message>
    <message>
        <source>the postal regulator</source>
        <translation>邮政管理部门</translation>
    </message>
    <message>
        <source>the court</source>
        <translation>人民法院</translation>
    </message>
    <message>
        <source>the arbitration commission</source>
        <translation>仲裁委员会</translation>
    </message>
    <message>
        <source>the manufacturer</source>
        <translation>生产者（厂家）</translation>
    </message>
    <message>
        <source>another party</source>
        <translation>其他第三方</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Agreement reached</source>
        <translation>达成调解协议</translation>
    </message>
    <message>
        <source>No agreement</source>
        <translation>调解不成</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Arbitral award</source>
        <translation>仲裁裁决</translation>
    </message>
    <message>
        <source>Judgment</source>
        <translation>判决</translation>
    </message>
    <message>
        <source>Ruling</source>
        <translation>裁定</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Awaiting an answer</source>
        <translation>待答复</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Countered</source>
        <translation>已还价</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>协商一致</translation>
    </message>
    <message>
        <source>Decision (award, judgment)</source>
        <translation>裁决或判决</translation>
    </message>
    <message>
        <source>Complaint withdrawn</source>
        <translation>投诉撤回</translation>
    </message>
    <message>
        <source>Nothing obtained</source>
        <translation>未获解决</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Partly resolved</source>
        <translation>部分解决</translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>Withdrawn by the complainant</source>
        <translation>投诉人撤回</translation>
    </message>
    <message>
        <source>Complaint not upheld</source>
        <translation>投诉不成立</translation>
    </message>
    <message>
        <source>Courier company&apos;s reply</source>
        <translation>快递企业答复</translation>
    </message>
    <message>
        <source>Appeal to the postal administration (12305)</source>
        <translation>向邮政管理部门申诉期限（12305）</translation>
    </message>
    <message>
        <source>Return without reason</source>
        <translation>七日无理由退货</translation>
    </message>
    <message>
        <source>Paying what the decision orders</source>
        <translation>按裁判履行付款</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>met</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <source>met late</source>
        <translation>逾期完成</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未届满</translation>
    </message>
    <message>
        <source>used</source>
        <translation>已行使</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已届满</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>days</source>
        <translation>日</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <source>years</source>
        <translation>年</translation>
    </message>
    <message>
        <source>the complaint was registered</source>
        <translation>投诉登记</translation>
    </message>
    <message>
        <source>the market regulator received the complaint</source>
        <translation>市场监管部门收到投诉</translation>
    </message>
    <message>
        <source>the market regulator accepted the complaint</source>
        <translation>市场监管部门受理投诉</translation>
    </message>
    <message>
        <source>a complaint was lodged with the courier company</source>
        <translation>向快递企业投诉</translation>
    </message>
    <message>
        <source>the postal administration received the appeal (12305)</source>
        <translation>邮政管理部门收到申诉（12305）</translation>
    </message>
    <message>
        <source>the parcel was shipped</source>
        <translation>交寄快件</translation>
    </message>
    <message>
        <source>the consumer received the goods</source>
        <translation>消费者收到商品</translation>
    </message>
    <message>
        <source>the statement of claim reached the court</source>
        <translation>起诉状送达法院</translation>
    </message>
    <message>
        <source>the judgment was served</source>
        <translation>判决书送达</translation>
    </message>
    <message>
        <source>the ruling was served</source>
        <translation>裁定书送达</translation>
    </message>
    <message>
        <source>the last day for performance</source>
        <translation>履行期限届满</translation>
    </message>
    <message>
        <source>the harm and who owes became known</source>
        <translation>知道权利受到损害以及义务人</translation>
    </message>
    <message>
        <source>the arbitral award was received</source>
        <translation>收到仲裁裁决书</translation>
    </message>
    <message>
        <source>testing, inspection or appraisal</source>
        <translation>检定、检验、检测、鉴定</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Screenshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>录音</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Chat record</source>
        <translation>聊天记录</translation>
    </message>
    <message>
        <source>whether it is a photo or scan of a paper</source>
        <translation>是否为纸质文件的照片或扫描件</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Landline number</source>
        <translation>固定电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Bank card number</source>
        <translation>银行卡号</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>case created</source>
        <translation>建立案件</translation>
    </message>
    <message>
        <source>added</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>order changed</source>
        <translation>调整顺序</translation>
    </message>
    <message>
        <source>description changed</source>
        <translation>修改说明</translation>
    </message>
    <message>
        <source>metadata read again</source>
        <translation>重新读取元数据</translation>
    </message>
    <message>
        <source>redacted copy made</source>
        <translation>已制作遮盖件</translation>
    </message>
    <message>
        <source>case record changed</source>
        <translation>修改案件记录</translation>
    </message>
    <message>
        <source>stage changed</source>
        <translation>变更阶段</translation>
    </message>
    <message>
        <source>cited in the timeline</source>
        <translation>在时间线中引用</translation>
    </message>
    <message>
        <source>timeline event citing it corrected</source>
        <translation>引用它的时间线记录已修改</translation>
    </message>
    <message>
        <source>timeline event citing it removed</source>
        <translation>引用它的时间线记录已删除</translation>
    </message>
    <message>
        <source>included in a bundle</source>
        <translation>编入材料</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>核验</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入案卷</translation>
    </message>
    <message>
        <source>recovered after an interruption</source>
        <translation>中断后恢复</translation>
    </message>
    <message>
        <source>record rebuilt from the custody log</source>
        <translation>依保管记录重建案件记录</translation>
    </message>
    <message>
        <source>generated bundle file recorded as lost</source>
        <translation>生成的证据材料文件记为遗失</translation>
    </message>
    <message>
        <source>copy made safe to print kept for packets</source>
        <translation>已留存可安全打印的副本，供生成材料时使用</translation>
    </message>
    <message>
        <source>responsibility found</source>
        <translation>责任认定</translation>
    </message>
    <message>
        <source>proposal made</source>
        <translation>提出方案</translation>
    </message>
    <message>
        <source>proposal answered</source>
        <translation>答复方案</translation>
    </message>
    <message>
        <source>proceeding begun</source>
        <translation>启动调解或程序</translation>
    </message>
    <message>
        <source>proceeding updated</source>
        <translation>程序进展更新</translation>
    </message>
    <message>
        <source>outcome recorded</source>
        <translation>记录处理结果</translation>
    </message>
    <message>
        <source>payment recorded</source>
        <translation>记录付款</translation>
    </message>
    <message>
        <source>case closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>case reopened</source>
        <translation>重新开案</translation>
    </message>
    <message>
        <source>timestamp attached (RFC 3161)</source>
        <translation>加盖时间戳（RFC 3161）</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>已被修改</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>unexpected</source>
        <translation>多出的文件</translation>
    </message>
    <message>
        <source>a link, not the file itself</source>
        <translation>是链接，不是文件本身</translation>
    </message>
    <message>
        <source>Consumer association / 12315 complaint</source>
        <translation>消协 / 12315 投诉</translation>
    </message>
    <message>
        <source>Court (civil complaint)</source>
        <translation>法院（民事起诉）</translation>
    </message>
    <message>
        <source>Arbitration (application)</source>
        <translation>仲裁（仲裁申请）</translation>
    </message>
    <message>
        <source>Courier claim</source>
        <translation>快递理赔</translation>
    </message>
    <message>
        <source>Walk-in complaint receipt</source>
        <translation>到店投诉受理回执</translation>
    </message>
    <message>
        <source>The carrier (claim)</source>
        <translation>快递企业（理赔）</translation>
    </message>
    <message>
        <source>Postal administration (12305 appeal)</source>
        <translation>邮政管理部门（12305 申诉）</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Case details</source>
        <translation>案件信息</translation>
    </message>
    <message>
        <source>Chat export</source>
        <translation>聊天记录</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>PDF text</source>
        <translation>PDF 文字</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>录音整理</translation>
    </message>
    <message>
        <source>Text read from a picture</source>
        <translation>图片识别文字</translation>
    </message>
    <message>
        <source>Text file</source>
        <translation>文本文件</translation>
    </message>
    <message>
        <source>Title and reference</source>
        <translation>标题和编号</translation>
    </message>
    <message>
        <source>Business complained about</source>
        <translation>被投诉经营者</translation>
    </message>
    <message>
        <source>Courier company</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Demands</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Facts and reasons</source>
        <translation>事实与理由</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Handling notes</source>
        <translation>处理备注</translation>
    </message>
    <message>
        <source>Proceedings (body, number, summary)</source>
        <translation>投诉、调解与诉讼（机构、受理号、摘要）</translation>
    </message>
    <message>
        <source>Findings, proposals and payments</source>
        <translation>责任认定、协商方案与付款</translation>
    </message>
    <message>
        <source>Earlier names and phone numbers (曾用)</source>
        <translation>曾用姓名和电话</translation>
    </message>
    <message>
        <source> (rests on a replaced rule, the rule in force not read)</source>
        <translation>（依据已被取代的规定，现行规定未能核对）</translation>
    </message>
    <message>
        <source>its service on our side on %1</source>
        <translation>本方收到送达之日（%1）</translation>
    </message>
    <message>
        <source>the award made on %1, in effect that day</source>
        <translation>裁决作出之日（%1，当日生效）</translation>
    </message>
    <message>
        <source>%1, the judgment served on %2 taking effect once its time to appeal ran out on %3</source>
        <translation>%1（判决于%2送达，上诉期至%3届满未上诉，判决生效）</translation>
    </message>
    <message>
        <source>%1, the second-instance judgment served, final</source>
        <translation>%1（二审判决送达，为终审判决）</translation>
    </message>
    <message>
        <source>Perform by %1, worked out from 「%2」 counted from %3 (%4): the enforcement period is watched from it</source>
        <translation>履行期限最后一日为%1：按「%2」自%3起计算（%4），申请执行期间自该日起计算</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>责任方</translation>
    </message>
    <message>
        <source>none running</source>
        <translation>无进行中的期限</translation>
    </message>
    <message>
        <source>No. %1  %2</source>
        <translation>案卷编号%1  %2</translation>
    </message>
    <message>
        <source>(withdrawn)</source>
        <translation>（已撤回）</translation>
    </message>
    <message>
        <source>The case has no exhibits yet</source>
        <translation>本案尚无证据</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Choose %1 first</source>
        <translation>请先选择%1</translation>
    </message>
    <message>
        <source>Exhibits: write numbers separated by commas</source>
        <translation>证据：请填写编号，用逗号分隔</translation>
    </message>
    <message>
        <source>When it happened (not when it is entered)</source>
        <translation>实际发生的时间（不是录入时间）</translation>
    </message>
    <message>
        <source>Tick the exhibits that show it: packets cite them as （见证据N）</source>
        <translation>勾选能证明此事的证据：材料中将以“（见证据N）”引用</translation>
    </message>
    <message>
        <source>Give the time</source>
        <translation>填写时间</translation>
    </message>
    <message>
        <source>(not said)</source>
        <translation>（未说明）</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Consumer association / 12315</source>
        <translation>消协 / 12315</translation>
    </message>
    <message>
        <source>Arbitration / court</source>
        <translation>仲裁 / 诉讼</translation>
    </message>
    <message>
        <source>Response promise (urgent, 2 h)</source>
        <translation>响应承诺（紧急，2小时）</translation>
    </message>
    <message>
        <source>Response promise (important, 24 h)</source>
        <translation>响应承诺（重要，24小时）</translation>
    </message>
    <message>
        <source>Response promise (normal, 48 h)</source>
        <translation>响应承诺（一般，48小时）</translation>
    </message>
    <message>
        <source>Regulator decides on acceptance</source>
        <translation>市场监管部门决定是否受理</translation>
    </message>
    <message>
        <source>Regulator&apos;s mediation period</source>
        <translation>市场监管部门调解期限</translation>
    </message>
    <message>
        <source>Postal administration answers the appeal</source>
        <translation>邮政管理部门答复申诉</translation>
    </message>
    <message>
        <source>Court decides on filing</source>
        <translation>法院立案审查</translation>
    </message>
    <message>
        <source>Appeal against the judgment</source>
        <translation>判决上诉期</translation>
    </message>
    <message>
        <source>Appeal against the ruling</source>
        <translation>裁定上诉期</translation>
    </message>
    <message>
        <source>Applying for enforcement</source>
        <translation>申请执行期限</translation>
    </message>
    <message>
        <source>Limitation period</source>
        <translation>诉讼时效</translation>
    </message>
    <message>
        <source>Applying to set the award aside</source>
        <translation>申请撤销仲裁裁决</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>运单</translation>
    </message>
    <message>
        <source>Receipt / invoice</source>
        <translation>票据/发票</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Arbitration agreement</source>
        <translation>仲裁协议</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Yes, mediation first</source>
        <translation>是，先行调解</translation>
    </message>
    <message>
        <source>Not sure yet, wants to know more</source>
        <translation>暂不确定，想了解更多</translation>
    </message>
    <message>
        <source>Complaint or claim lodged</source>
        <translation>投诉/索赔</translation>
    </message>
    <message>
        <source>The business complained about</source>
        <translation>被投诉经营者</translation>
    </message>
    <message>
        <source>The courier company</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>The consumer</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>Consumer association (消协)</source>
        <translation>消费者协会（消协）</translation>
    </message>
    <message>
        <source>Market regulator (12315)</source>
        <translation>市场监督管理部门（12315）</translation>
    </message>
    <message>
        <source>Postal regulator (邮政管理部门, 12305)</source>
        <translation>邮政管理部门（12305）</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>人民法院</translation>
    </message>
    <message>
        <source>Arbitration commission</source>
        <translation>仲裁委员会</translation>
    </message>
    <message>
        <source>stopped (case closed or proceeding ended)</source>
        <translation>已停止（已结案或程序已终结）</translation>
    </message>
    <message>
        <source>Original (原件)</source>
        <translation>原件</translation>
    </message>
    <message>
        <source>Copy (复印件)</source>
        <translation>复印件</translation>
    </message>
    <message>
        <source>The object itself (实物)</source>
        <translation>实物</translation>
    </message>
    <message>
        <source>Electronic file (电子)</source>
        <translation>电子文件</translation>
    </message>
    <message>
        <source>Kept by the store (留存)</source>
        <translation>留存</translation>
    </message>
    <message>
        <source>Given back (退回)</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>overdue %1 h</source>
        <translation>已超时 %1 小时</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>剩余 %1 分钟</translation>
    </message>
    <message>
        <source>%1 h left</source>
        <translation>剩余 %1 小时</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>剩余 %1 天</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>In packet</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>File no.</source>
        <translation>案卷编号</translation>
    </message>
    <message>
        <source>Evidence group</source>
        <translation>证据组</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>(no proof purpose yet)</source>
        <translation>（尚未填写证明目的）</translation>
    </message>
    <message>
        <source>%1, %2 KB
Proof purpose: %3</source>
        <translation>%1，%2 KB
证明目的：%3</translation>
    </message>
    <message>
        <source>redacted copy of no. %1</source>
        <translation>案卷编号%1的遮盖件</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被投诉人</translation>
    </message>
    <message>
        <source>Complained at</source>
        <translation>投诉时间</translation>
    </message>
    <message>
        <source>Exhibits</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>proof purpose</source>
        <translation>证明目的</translation>
    </message>
    <message>
        <source>capture time</source>
        <translation>形成时间</translation>
    </message>
    <message>
        <source>where the capture time comes from</source>
        <translation>形成时间的来源</translation>
    </message>
    <message>
        <source>transcript</source>
        <translation>录音文字整理</translation>
    </message>
    <message>
        <source>arbitration agreement status</source>
        <translation>仲裁协议效力</translation>
    </message>
    <message>
        <source>why the agreement is not relied on</source>
        <translation>不依仲裁协议的理由</translation>
    </message>
    <message>
        <source>what was handed over</source>
        <translation>收取材料形式</translation>
    </message>
    <message>
        <source>kept or returned</source>
        <translation>留存/退回</translation>
    </message>
    <message>
        <source>evidence group</source>
        <translation>证据组</translation>
    </message>
    <message>
        <source>empty file</source>
        <translation>空文件</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>无法识别的格式</translation>
    </message>
    <message>
        <source>extension does not match the content</source>
        <translation>扩展名与内容不符</translation>
    </message>
    <message>
        <source>damaged or unreadable</source>
        <translation>已损坏或无法读取</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>已加密</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>不完整（可能被截断）</translation>
    </message>
    <message>
        <source>capture time later than when it was added (check the device clock)</source>
        <translation>形成时间晚于导入时间（请核对设备时钟）</translation>
    </message>
    <message>
        <source>file time far from the capture time it states</source>
        <translation>文件时间与其记录的形成时间相差较大</translation>
    </message>
    <message>
        <source>saved by editing software after capture</source>
        <translation>拍摄后曾经编辑软件保存</translation>
    </message>
    <message>
        <source>metadata unavailable</source>
        <translation>元数据无法读取</translation>
    </message>
    <message>
        <source>from the photo&apos;s EXIF data</source>
        <translation>依据照片 EXIF 信息</translation>
    </message>
    <message>
        <source>from the file&apos;s own metadata</source>
        <translation>依据文件自身元数据</translation>
    </message>
    <message>
        <source>from the file name</source>
        <translation>依据文件名</translation>
    </message>
    <message>
        <source>the file&apos;s modification time</source>
        <translation>文件修改时间</translation>
    </message>
    <message>
        <source>checked and set by hand</source>
        <translation>经人工核对填写</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 (withdrawn)</source>
        <translation>%1（已撤回）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>下一期限</translation>
    </message>
    <message>
        <source>Safe day passed; counted from a later start on record it runs to %1 (%2)</source>
        <translation>已过稳妥日期；按记录中较晚的起算日计算至%1届满（%2）</translation>
    </message>
    <message>
        <source>Safe day passed; by law it runs to %1 (%2)</source>
        <translation>已过稳妥日期，法定期限顺延至%1（%2）</translation>
    </message>
    <message>
        <source>Rests on %1 (%2), replaced from %3 by 《%4》, whose text was not available: not the rule in force</source>
        <translation>依据%1（%2年），该办法自%3起已由《%4》取代，其条文未能取得核对：并非现行规定</translation>
    </message>
    <message>
        <source> (start date doubtful: check the record&apos;s dates)</source>
        <translation>（起算日存疑：请核对记录中的日期）</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Safe day (counted unmoved); by law it runs to %1, moved past rest days</source>
        <translation>稳妥日期（按未顺延的日期计算）；法定期限顺延至%1</translation>
    </message>
    <message>
        <source>Provisional: the holiday arrangement of a year it runs into is not published yet</source>
        <translation>暂定：期限所跨年度的节假日安排尚未公布</translation>
    </message>
    <message>
        <source>Paused: the clock stands still while goods are tested</source>
        <translation>已暂停：商品检验、鉴定期间不计入期限</translation>
    </message>
    <message>
        <source>[DAMAGED] %1</source>
        <translation>【已损坏】%1</translation>
    </message>
    <message>
        <source>DAMAGED · %1</source>
        <translation>已损坏 · %1</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Proof purpose</source>
        <translation>证明目的</translation>
    </message>
    <message>
        <source>Original name</source>
        <translation>原始文件名</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>形成时间</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>The number the exhibit gets in a packet (证据N): the exhibits not withdrawn, in this order. A packet of other exhibits numbers them as the bundle wizard shows.</source>
        <translation>该证据在材料中的序号（证据N）：按当前顺序对未撤回的证据编号。只选部分证据生成材料时，序号以生成向导中显示的为准。</translation>
    </message>
    <message>
        <source>The exhibit&apos;s own number in the case file (案卷编号): it never changes. Every separator page names it under 证据N, and the command line uses it.</source>
        <translation>该证据在本案卷中的编号（案卷编号），始终不变。材料中每张证据分隔页都在“证据N”下方注明此编号，命令行也使用此编号。</translation>
    </message>
    <message>
        <source>证据组: the exhibits that prove one fact together (e.g. 第一组：购买事实). The evidence list prints them under the group&apos;s heading.</source>
        <translation>证据组：共同证明同一事实的证据（如“第一组：购买事实”）。证据目录按组列出，每组前有组名。</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>Withdrawn: %1</source>
        <translation>已撤回：%1</translation>
    </message>
    <message>
        <source>The redacted copy of no. %1: where the destination takes redacted copies it goes in as %2, in its original&apos;s place.</source>
        <translation>案卷编号%1的遮盖件：提交对象适用遮盖件时，它代替原件编入材料，序号为%2。</translation>
    </message>
    <message>
        <source> (provisional)</source>
        <translation>（暂定）</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>到访</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>The disk is read-only</source>
        <translation>磁盘为只读</translation>
    </message>
    <message>
        <source>No such file or folder</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>The file is in use by another program</source>
        <translation>文件正被其他程序使用</translation>
    </message>
    <message>
        <source>Too many files are open; close some programs and try again</source>
        <translation>打开的文件过多，请关闭一些程序后重试</translation>
    </message>
    <message>
        <source>The disk could not be read or written (input/output error)</source>
        <translation>磁盘无法读写（输入/输出错误）</translation>
    </message>
    <message>
        <source>A file or folder of that name is already there</source>
        <translation>已有同名的文件或文件夹</translation>
    </message>
    <message>
        <source>A part of the path is a file, not a folder</source>
        <translation>路径中有一部分是文件，而不是文件夹</translation>
    </message>
    <message>
        <source>This is a folder, not a file</source>
        <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
        <source>The file name or the path is too long</source>
        <translation>文件名或路径过长</translation>
    </message>
    <message>
        <source>The file cannot be moved to another disk directly</source>
        <translation>文件不能直接移动到另一个磁盘</translation>
    </message>
    <message>
        <source>The folder is not empty</source>
        <translation>文件夹不是空的</translation>
    </message>
    <message>
        <source>The disk space allowed to this user is used up</source>
        <translation>此用户可用的磁盘空间已用完</translation>
    </message>
    <message>
        <source>Too many links in the path (a link may point to itself)</source>
        <translation>路径中的链接过多（可能有链接指向自身）</translation>
    </message>
    <message>
        <source>The disk does not accept this name or operation</source>
        <translation>磁盘不接受此名称或操作</translation>
    </message>
    <message>
        <source>The file is too large for this disk</source>
        <translation>文件过大，此磁盘无法存放</translation>
    </message>
    <message>
        <source>The disk or device is not available</source>
        <translation>磁盘或设备不可用</translation>
    </message>
    <message>
        <source>The disk or network folder did not answer in time</source>
        <translation>磁盘或网络文件夹未能及时响应</translation>
    </message>
    <message>
        <source>Not enough memory; close some programs and try again</source>
        <translation>内存不足，请关闭一些程序后重试</translation>
    </message>
    <message>
        <source>The system could not complete the operation (error %1)</source>
        <translation>系统无法完成此操作（错误代码 %1）</translation>
    </message>
    <message>
        <source>The system could not complete the operation</source>
        <translation>系统无法完成此操作</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>enumeration comma</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>between a header&apos;s parts</comment>
        <translation>%1&#x3000;%2</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Online chat</source>
        <translation>在线客服</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <source>Offline store</source>
        <translation>线下门店</translation>
    </message>
    <message>
        <source>Not yet determined</source>
        <translation>尚未确定</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商家</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Third party</source>
        <translation>第三方</translation>
    </message>
    <message>
        <source>Natural person</source>
        <translation>自然人</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>法人或其他组织</translation>
    </message>
    <message>
        <source>General authority (一般授权)</source>
        <translation>一般授权</translation>
    </message>
    <message>
        <source>Special authority (特别授权)</source>
        <translation>特别授权</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Apology</source>
        <translation>赔礼道歉</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>赔偿</translation>
    </message>
    <message>
        <source>Not entered</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Male (男)</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female (女)</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message>
        <source>%1 (Ctrl+P)</source>
        <translation>%1（Ctrl+P）</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <translation>%1个百分点</translation>
    </message>
    <message>
        <source>Case details: %1</source>
        <translation>案件信息：%1</translation>
    </message>
    <message>
        <source>Exhibit %1</source>
        <translation>案卷编号%1</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Open the case at this field (Enter)</source>
        <translation>打开案件中的这一项（回车）</translation>
    </message>
    <message>
        <source>Open the exhibit at this page (Enter)</source>
        <translation>打开这件证据的这一页（回车）</translation>
    </message>
    <message>
        <source>Open the exhibit (Enter)</source>
        <translation>打开这件证据（回车）</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>在限定时间内没有应答</translation>
    </message>
    <message>
        <source>no such server name</source>
        <translation>找不到这个服务器名称</translation>
    </message>
    <message>
        <source>the network does not reach it</source>
        <translation>网络无法到达该服务器</translation>
    </message>
    <message>
        <source>the connection was cut off; nothing was saved</source>
        <translation>连接中途断开，未保存任何内容</translation>
    </message>
    <message>
        <source>no connection could be made</source>
        <translation>无法建立连接</translation>
    </message>
    <message>
        <source>Cannot reach the team catalogue server %1: %2</source>
        <translation>无法连接团队目录服务器 %1：%2</translation>
    </message>
    <message>
        <source>Cannot reach the evidence store server %1: %2</source>
        <translation>无法连接证据存储服务器 %1：%2</translation>
    </message>
    <message>
        <source>The team library could not be opened: %1</source>
        <translation>无法打开团队库：%1</translation>
    </message>
    <message>
        <source>Wrong password, or no such login. Try again.</source>
        <translation>密码错误或无此账号，请重新输入。</translation>
    </message>
    <message>
        <source>Connecting to the team library…</source>
        <translation>正在连接团队库…</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>Damaged: left untouched until it verifies again (the case&apos;s overview says why)</source>
        <translation>已损坏：核验通过前不作任何改动（原因见案件概况）</translation>
    </message>
    <message>
        <source>The case is damaged: this is its deadline as last recorded, and it still runs</source>
        <translation>案件已损坏：此为最后记录的期限，期限仍在计算</translation>
    </message>
    <message>
        <source>Changed since the filters were set, which no longer take it: listed until they change</source>
        <translation>筛选后已改动，已不符合当前筛选条件；更改筛选条件前仍列在这里</translation>
    </message>
    <message>
        <source>Found by an earlier contact (曾用): %1</source>
        <translation>按曾用联系方式找到：%1</translation>
    </message>
</context>
<context>
    <name>CaseListPane</name>
    <message>
        <source>Search number, names, order, waybill or proceeding number (Ctrl+F)</source>
        <translation>搜索编号、姓名、订单号、运单号或工单号/案号（Ctrl+F）</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>本周到期</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>全部优先级</translation>
    </message>
    <message>
        <source>The case open, %1, is not among the filtered cases</source>
        <translation>当前打开的案件 %1 不在筛选结果中</translation>
    </message>
    <message>
        <source>Show it (clears the filters)</source>
        <translation>显示它（清除筛选）</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F: search “%1” in the text of all evidence</source>
        <translation>Ctrl+Shift+F：在全部证据的文字中搜索“%1”</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件列表</translation>
    </message>
</context>
<context>
    <name>DamagedCasePane</name>
    <message>
        <source>Case %1 cannot be opened</source>
        <translation>案件 %1 无法打开</translation>
    </message>
    <message>
        <source>Its record is damaged or missing. CaseFile has changed nothing in the case folder, and writes to the case are refused until it verifies again.

Verify it first: verification says what is damaged. When its custody log is whole, Repair rebuilds the record from it; otherwise restore the case folder from a backup.</source>
        <translation>它的案件记录已损坏或缺失。CaseFile 没有改动案件文件夹中的任何内容；在重新核验通过之前，不会向该案件写入任何内容。

请先核验：核验会说明哪里损坏。如果保管记录完好，“修复”会据此重建案件记录；否则请从备份恢复该案件文件夹。</translation>
    </message>
    <message>
        <source>The case folder could not be read just now. Check that the drive or network share holding the library can be reached, then choose the case again; verify it if this goes on.</source>
        <translation>刚才无法读取案件文件夹。请确认存放案卷库的磁盘或网络共享可以访问，然后重新选择该案件；如果问题仍然存在，请核验该案件。</translation>
    </message>
    <message>
        <source>Verify this case</source>
        <translation>核验此案件</translation>
    </message>
    <message>
        <source>Check its record, custody log and every exhibit file</source>
        <translation>检查它的案件记录、保管记录和每一个证据文件</translation>
    </message>
    <message>
        <source>Repair…</source>
        <translation>修复…</translation>
    </message>
    <message>
        <source>Rebuild the record from the custody log (asked first; evidence files are never changed)</source>
        <translation>根据保管记录重建案件记录（会先询问；证据文件不会被改动）</translation>
    </message>
</context>
<context>
    <name>DatesWarning</name>
    <message>
        <source>These dates are right: keep them</source>
        <translation>这些日期无误，保留</translation>
    </message>
</context>
<context>
    <name>DemandsEditor</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Basis (legal or contractual ground)</source>
        <translation>依据（法律或合同依据）</translation>
    </message>
    <message>
        <source>What is asked</source>
        <translation>请求内容</translation>
    </message>
    <message>
        <source>Add a demand</source>
        <translation>添加诉求</translation>
    </message>
    <message>
        <source>Remove the selected demand</source>
        <translation>删除所选诉求</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>What kind of evidence this is; an arbitration packet needs one of kind Arbitration agreement</source>
        <translation>证据的类型；生成仲裁申请材料须有一项类型为“仲裁协议”的证据</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>收取材料</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Kept or returned: not recorded</source>
        <translation>留存/退回：未记录</translation>
    </message>
    <message>
        <source>What the customer handed over for this exhibit (original, copy, the object, an electronic file) and whether the store kept it or gave it back, as the walk-in receipt lists them</source>
        <translation>顾客为此证据交来的是原件、复印件、实物还是电子文件，以及门店留存还是退回；到店投诉回执的收取材料清单按此填写</translation>
    </message>
    <message>
        <source>A photo or scan of a paper document</source>
        <translation>这是纸质文件的照片或扫描件</translation>
    </message>
    <message>
        <source>这是纸质文件的照片或扫描件: whether the paper is the original and this file a copy of it, or the file is the document itself (an e-invoice, a contract file). The evidence list, the separator page, the captions over its pages and the integrity annex follow it. Not said, CaseFile tells it from the file: a photo, or a PDF whose pages are pictures, is a paper&apos;s</source>
        <translation>这是纸质文件的照片或扫描件：原件是纸质文件、本文件是其复制件，还是文件本身即文书（电子发票、电子合同文件）。证据目录、证据分隔页、各页页眉说明和电子证据完整性校验表均按此填写。未说明时由 CaseFile 根据文件判断：照片，或各页均为图像的 PDF，视为纸质文件的照片或扫描件</translation>
    </message>
    <message>
        <source>Yes (书证, 复印件)</source>
        <translation>是（书证，复印件）</translation>
    </message>
    <message>
        <source>No: the file is the document (电子数据)</source>
        <translation>否：文件本身即文书（电子数据）</translation>
    </message>
    <message>
        <source>Not said (from the file: yes)</source>
        <translation>未说明（按文件判断：是）</translation>
    </message>
    <message>
        <source>Not said (from the file: no)</source>
        <translation>未说明（按文件判断：否）</translation>
    </message>
    <message>
        <source>Not said (told from the file in a packet)</source>
        <translation>未说明（生成材料时按文件判断）</translation>
    </message>
    <message>
        <source>Select an exhibit to see its details and its custody record.</source>
        <translation>选择一份证据，查看其详情和保管记录。</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Exhibit %1: %2</source>
        <translation>案卷编号%1：%2</translation>
    </message>
    <message>
        <source>In a packet of the exhibits not withdrawn, in this order: %1 (file no. %2)</source>
        <translation>按当前顺序编入材料（不含已撤回的证据）时为%1（案卷编号%2）</translation>
    </message>
    <message>
        <source>Withdrawn on %1 by %2: %3</source>
        <translation>%1 由 %2 撤回：%3</translation>
    </message>
    <message>
        <source>(sent, zone not recorded)</source>
        <translation>（邮件发送时间，未记录时区）</translation>
    </message>
    <message>
        <source>(device time, zone not recorded)</source>
        <translation>（设备本地时间，未记录时区）</translation>
    </message>
    <message>
        <source>Original name</source>
        <translation>原始文件名</translation>
    </message>
    <message>
        <source>Evidence group</source>
        <translation>证据组</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>not computed</source>
        <translation>未计算</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>形成时间</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Added from</source>
        <translation>导入来源</translation>
    </message>
    <message>
        <source>of exhibit %1</source>
        <translation>原件为案卷编号%1</translation>
    </message>
    <message>
        <source>Original&apos;s SHA-256</source>
        <translation>原件 SHA-256</translation>
    </message>
    <message>
        <source>Redacted copy</source>
        <translation>遮盖件</translation>
    </message>
    <message>
        <source>Redacted copies</source>
        <translation>遮盖件</translation>
    </message>
    <message>
        <source>Trusted timestamp</source>
        <translation>可信时间戳</translation>
    </message>
    <message>
        <source>Custody record</source>
        <translation>保管记录</translation>
    </message>
    <message>
        <source>%1 — %2, by %3</source>
        <translation>%1 — %2，操作人 %3</translation>
    </message>
    <message>
        <source>No custody entries mention this exhibit.</source>
        <translation>保管记录中没有涉及这份证据的条目。</translation>
    </message>
    <message>
        <source>Not stamped: no timestamp authority (TSA) is chosen in Settings</source>
        <translation>未加盖：设置中未选择时间戳服务机构（TSA）</translation>
    </message>
    <message>
        <source>Not yet stamped: queued, sent when the TSA can be reached</source>
        <translation>尚未加盖：已排队，时间戳服务机构可连接时自动发送</translation>
    </message>
    <message>
        <source>Not yet stamped</source>
        <translation>尚未加盖</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source> (renews timestamp %1)</source>
        <translation>（续签时间戳 %1）</translation>
    </message>
    <message>
        <source>Being checked…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未核验</translation>
    </message>
    <message>
        <source>Verified offline: signature, certificate chain and proof</source>
        <translation>已离线核验：签名、证书链及包含证明均有效</translation>
    </message>
    <message>
        <source>Does not verify</source>
        <translation>核验未通过</translation>
    </message>
    <message>
        <source>renew it before then (casefile timestamp --renew)</source>
        <translation>请在此前续签（casefile timestamp --renew）</translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <source>Timestamp (root not checked)</source>
        <translation>时间戳（根证书未经核对）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>TSA</source>
        <translation>时间戳服务机构</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>TSA certificate valid until</source>
        <translation>TSA 证书有效期至</translation>
    </message>
    <message>
        <source>Merkle root</source>
        <translation>默克尔树根</translation>
    </message>
    <message>
        <source>Root certificate</source>
        <translation>根证书</translation>
    </message>
    <message>
        <source>Root&apos;s SHA-256 fingerprint</source>
        <translation>根证书 SHA-256 指纹</translation>
    </message>
    <message>
        <source>Root</source>
        <translation>根证书核对</translation>
    </message>
    <message>
        <source>Checked against the fingerprint pinned in Settings</source>
        <translation>已与用户配置的根证书指纹核对</translation>
    </message>
    <message>
        <source>Root not checked: anyone can make a root and a timestamp authority under any name. Compare the fingerprint with the one the authority publishes, then pin the root in Settings (Pinned TSA roots)</source>
        <translation>根证书未经核对：任何人都可以自建根证书，并以任意机构名称签发时间戳。请将上列指纹与时间戳服务机构公布的根证书指纹比对，一致后在“设置”中固定该根证书（已核对的 TSA 根证书）</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>软件</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>画面</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 像素</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Place (GPS)</source>
        <translation>位置（GPS）</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 页</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Text encoding</source>
        <translation>文本编码</translation>
    </message>
    <message>
        <source>CaseFile could not read the details the file holds (technical note: %1)</source>
        <translation>未能读取文件自带的信息（技术说明：%1）</translation>
    </message>
    <message>
        <source>File details</source>
        <translation>文件信息</translation>
    </message>
</context>
<context>
    <name>EvidenceTab</name>
    <message>
        <source>Thumbnails</source>
        <translation>缩略图</translation>
    </message>
    <message>
        <source>Show the exhibits as a grid of thumbnails (Ctrl+G)</source>
        <translation>以缩略图网格显示证据（Ctrl+G）</translation>
    </message>
    <message>
        <source>Transcript…</source>
        <translation>录音整理…</translation>
    </message>
    <message>
        <source>Write or edit the transcript of the selected recording</source>
        <translation>为所选录音/录像填写或修改文字整理稿</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Present the selected exhibit earlier (Alt+Up); bundles follow this order</source>
        <translation>将所选证据排前（Alt+↑）；生成材料时按此顺序</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Present the selected exhibit later (Alt+Down); bundles follow this order</source>
        <translation>将所选证据排后（Alt+↓）；生成材料时按此顺序</translation>
    </message>
    <message>
        <source>Redact…</source>
        <translation>遮盖…</translation>
    </message>
    <message>
        <source>Cover third parties&apos; details on the selected photo, screenshot or PDF with black boxes (Ctrl+Shift+R); the copy becomes a new exhibit and the original is kept</source>
        <translation>用黑框遮盖所选照片、截图或 PDF 中的第三方信息（Ctrl+Shift+R）；遮盖件作为新证据保存，原件保持不变</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Add files to this case (Ctrl+O); you can also drop them here</source>
        <translation>向本案添加文件（Ctrl+O）；也可直接拖放到这里</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Add every file of a folder and its subfolders</source>
        <translation>添加文件夹及其子文件夹中的所有文件</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <source>Mark the selected exhibit withdrawn (Delete); the file stays in the case folder</source>
        <translation>将所选证据标记为撤回（Delete）；文件仍保留在案卷中</translation>
    </message>
    <message>
        <source>Watch folders</source>
        <translation>监视文件夹</translation>
    </message>
    <message>
        <source>Files put in this case&apos;s inbox or in a folder attached to it are added as evidence by themselves</source>
        <translation>放入本案件收件箱或其关联文件夹的文件会自动添加为证据</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Open the folder that holds the selected exhibit&apos;s file</source>
        <translation>打开所选证据文件所在的文件夹</translation>
    </message>
    <message>
        <source>Drop files or folders here to add them to the case.</source>
        <translation>将文件或文件夹拖放到这里，即可添加到本案。</translation>
    </message>
    <message>
        <source>No evidence yet.

Drop files or folders here, or use Add files… (Ctrl+O).</source>
        <translation>还没有证据。

将文件或文件夹拖放到这里，或使用“添加文件…”（Ctrl+O）。</translation>
    </message>
    <message>
        <source>Redact</source>
        <translation>遮盖</translation>
    </message>
    <message>
        <source>Only photos, screenshots and PDFs can be redacted.</source>
        <translation>只有照片、截图和 PDF 可以遮盖。</translation>
    </message>
    <message>
        <source>Exhibit %1 is the redacted copy; the original is kept as it was.</source>
        <translation>案卷编号%1 为遮盖件；原件保持不变。</translation>
    </message>
    <message>
        <source>Exhibit %1 withdrawn; its file stays in the case folder.</source>
        <translation>案卷编号%1的证据已撤回；文件仍保留在案卷中。</translation>
    </message>
    <message>
        <source>Search this case</source>
        <translation>搜索本案</translation>
    </message>
    <message>
        <source>Find words and numbers in this case&apos;s details and in the text of its evidence</source>
        <translation>在本案的案件信息和证据文字中查找字词和号码</translation>
    </message>
    <message>
        <source>Withdraw exhibit %1 “%2”?

It stays in the case folder and in the custody record, marked withdrawn, and is left out of new bundles.

Reason:</source>
        <translation>撤回证据“%2”（案卷编号%1）？

该证据仍保留在案卷和保管记录中，标记为已撤回，不再编入新生成的材料。

撤回理由：</translation>
    </message>
    <message>
        <source>Withdraw exhibit</source>
        <translation>撤回证据</translation>
    </message>
    <message>
        <source>A withdrawal needs a reason.</source>
        <translation>撤回证据须填写理由。</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>录音整理</translation>
    </message>
    <message>
        <source>Only recordings and videos have a transcript.</source>
        <translation>只有录音和录像才有文字整理稿。</translation>
    </message>
    <message>
        <source>The folder %1 could not be opened.</source>
        <translation>无法打开文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>FieldGroup</name>
    <message>
        <source>Hide these fields</source>
        <translation>收起</translation>
    </message>
    <message>
        <source>Show these fields</source>
        <translation>展开填写</translation>
    </message>
</context>
<context>
    <name>FileAdder</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Add files to case %1</source>
        <translation>向案件 %1 添加文件</translation>
    </message>
    <message>
        <source>Add a folder to case %1</source>
        <translation>向案件 %1 添加文件夹</translation>
    </message>
    <message>
        <source>Files are still being added; wait for them or cancel first.</source>
        <translation>文件仍在添加中，请等待完成或先取消。</translation>
    </message>
    <message>
        <source>checking %1 for packets</source>
        <translation>检查 %1，供证据包使用</translation>
    </message>
    <message>
        <source>Adding files…</source>
        <translation>正在添加文件…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Adding files… (%1)</source>
        <translation>正在添加文件…（%1）</translation>
    </message>
    <message>
        <source>Adding files to case %1… (%2)</source>
        <translation>正在向案件 %1 添加文件…（%2）</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>已添加 %1 个</translation>
    </message>
    <message>
        <source>%1 duplicate</source>
        <translation>%1 个重复</translation>
    </message>
    <message>
        <source>%1 refused</source>
        <translation>%1 个被拒绝</translation>
    </message>
    <message>
        <source>%1 skipped (hidden or system files)</source>
        <translation>跳过 %1 个（隐藏或系统文件）</translation>
    </message>
    <message>
        <source>%1 is already exhibit %2</source>
        <translation>%1 已是案卷编号%2的证据</translation>
    </message>
    <message>
        <source>Cancelled; %1 added before cancelling, the file being copied was discarded.</source>
        <translation>已取消；取消前已添加 %1 个，正在复制的文件已丢弃。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was added.</source>
        <translation>已取消，未添加任何文件。</translation>
    </message>
    <message>
        <source>Adding files stopped: %1 (%2)</source>
        <translation>添加文件中止：%1（%2）</translation>
    </message>
    <message>
        <source>Case %1: %2</source>
        <translation>案件 %1：%2</translation>
    </message>
    <message>
        <source>Files not added</source>
        <translation>未添加的文件</translation>
    </message>
    <message>
        <source>%1 files could not be added as evidence:</source>
        <translation>%1 个文件无法作为证据添加：</translation>
    </message>
    <message>
        <source>One file could not be added as evidence:</source>
        <translation>有一个文件无法作为证据添加：</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to CaseFile</source>
        <translation>欢迎使用 CaseFile</translation>
    </message>
    <message>
        <source>Receipts and complaint letters print who received the complaint. Enter your organisation and your name once; File → Settings… changes them later.</source>
        <translation>回执和投诉书上会印出受理单位和受理人。请先填写一次单位信息和您的姓名，以后可在“设置”中修改。</translation>
    </message>
    <message>
        <source>Store, company or office name</source>
        <translation>门店、公司或机构名称</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Your name (受理人)</source>
        <translation>您的姓名（受理人）</translation>
    </message>
    <message>
        <source>Staff number (工号)</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
</context>
<context>
    <name>HandlingTab</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>When the complainant was first answered (a call back, a message): it meets the response promise. Not entered, the first call, chat, e-mail or visit with the complainant on the timeline counts</source>
        <translation>首次答复投诉人的时间（回电、回复消息）：据此判断是否履行响应承诺。未填写时，以时间线上与投诉人的首次电话、聊天、邮件或面谈为准</translation>
    </message>
    <message>
        <source>Record who is responsible, why, and the exhibits that show it</source>
        <translation>记录责任方、理由及所依据的证据</translation>
    </message>
    <message>
        <source>Record the answer to the selected round</source>
        <translation>记录所选一轮方案的答复</translation>
    </message>
    <message>
        <source>A mediation, 消协 or 12315 complaint, arbitration or lawsuit begun</source>
        <translation>已启动的调解、消协或 12315 投诉、仲裁或诉讼</translation>
    </message>
    <message>
        <source>Acceptance, hearings, testing periods, result and decision of the selected proceeding</source>
        <translation>所选程序的受理、开庭、检测期间、结果和决定</translation>
    </message>
    <message>
        <source>(entered %1 by %2)</source>
        <translation>（%2 于 %1 录入）</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>应于 %1 前响应</translation>
    </message>
    <message>
        <source>not answered yet</source>
        <translation>尚未答复</translation>
    </message>
    <message>
        <source>first response entered</source>
        <translation>已登记首次响应</translation>
    </message>
    <message>
        <source>contact with the complainant: %1</source>
        <translation>与投诉人联系：%1</translation>
    </message>
    <message>
        <source>handling began</source>
        <translation>已开始处理</translation>
    </message>
    <message>
        <source>exhibit %1</source>
        <translation>证据 %1</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>责任认定</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>协商</translation>
    </message>
    <message>
        <source>Round %1: %2 proposes %3</source>
        <translation>第 %1 轮：%2提出%3</translation>
    </message>
    <message>
        <source>reply by %1</source>
        <translation>答复期限 %1</translation>
    </message>
    <message>
        <source>Proceedings</source>
        <translation>调解与诉讼程序</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>编号 %1</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>作出决定</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>送达</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>终结</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>开庭或调解</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Testing until %1 (not counted)</source>
        <translation>检测至 %1（不计入期限）</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 付给 %2</translation>
    </message>
    <message>
        <source>perform by %1</source>
        <translation>履行期限 %1</translation>
    </message>
    <message>
        <source>Payments (paid %1, recovered %2)</source>
        <translation>付款（已付 %1，追回 %2）</translation>
    </message>
    <message>
        <source>%1 recovered from %2</source>
        <translation>从%2追回 %1</translation>
    </message>
    <message>
        <source>%1 paid by %2</source>
        <translation>%2支付 %1</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Closed: %1</source>
        <translation>结案：%1</translation>
    </message>
    <message>
        <source>satisfaction %1/5</source>
        <translation>满意度 %1/5</translation>
    </message>
    <message>
        <source>Reopened: %1</source>
        <translation>重新开案：%1</translation>
    </message>
    <message>
        <source>Nothing recorded yet: use the buttons below.</source>
        <translation>尚无记录：请使用下方按钮。</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>Untick to clear: the first contact on the timeline, or the first step, then counts</source>
        <translation>取消勾选即清除：此后以时间线上的首次联系或首个处理步骤为准</translation>
    </message>
    <message>
        <source>Responsible party</source>
        <translation>责任方</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>决定时间</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Exhibits</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>提出方</translation>
    </message>
    <message>
        <source>Proposed at</source>
        <translation>提出时间</translation>
    </message>
    <message>
        <source>What is proposed</source>
        <translation>方案内容</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Answer to round %1</source>
        <translation>第 %1 轮的答复</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Answered at</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Proceeding</source>
        <translation>调解或程序</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>途径</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>受理机构</translation>
    </message>
    <message>
        <source>e.g. 徐汇区市场监督管理局</source>
        <translation>如：徐汇区市场监督管理局</translation>
    </message>
    <message>
        <source>Their number</source>
        <translation>对方编号</translation>
    </message>
    <message>
        <source>消协 file number, 12315 工单号, case number</source>
        <translation>消协编号、12315 工单号、案号</translation>
    </message>
    <message>
        <source>Filed at</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Accepted at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Proceeding %1: %2</source>
        <translation>程序 %1：%2</translation>
    </message>
    <message>
        <source>Served at</source>
        <translation>送达时间</translation>
    </message>
    <message>
        <source>Ended at</source>
        <translation>终结时间</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>a decision for our side, unpaid and with no day for performance entered</source>
        <translation>我方胜诉的裁判款项未付且未填写履行期限</translation>
    </message>
    <message>
        <source>Still open: %1. Once the case is closed, CaseFile no longer reminds you of them.</source>
        <translation>以下期限尚未届满：%1。结案后本软件不再提醒这些期限。</translation>
    </message>
    <message>
        <source>Close anyway and stop reminding of these periods?</source>
        <translation>仍然结案，并停止提醒上述期限？</translation>
    </message>
    <message>
        <source>A period is still open: tick &apos;Close anyway&apos; to close the case all the same</source>
        <translation>尚有期限未届满：如仍要结案，请勾选“仍然结案”</translation>
    </message>
    <message>
        <source>F&amp;irst response…</source>
        <translation>首次响应(&amp;I)…</translation>
    </message>
    <message>
        <source>Responsi&amp;bility…</source>
        <translation>责任认定(&amp;B)…</translation>
    </message>
    <message>
        <source>Pr&amp;oposal…</source>
        <translation>方案(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Answer…</source>
        <translation>答复(&amp;A)…</translation>
    </message>
    <message>
        <source>Procee&amp;ding…</source>
        <translation>调解或程序(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Update proceeding…</source>
        <translation>更新程序(&amp;U)…</translation>
    </message>
    <message>
        <source>Ou&amp;tcome…</source>
        <translation>处理结果(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Payment…</source>
        <translation>付款(&amp;P)…</translation>
    </message>
    <message>
        <source>Clo&amp;se case…</source>
        <translation>结案(&amp;S)…</translation>
    </message>
    <message>
        <source>Reop&amp;en…</source>
        <translation>重新开案(&amp;E)…</translation>
    </message>
    <message>
        <source>Tick, then give when the complainant was answered</source>
        <translation>勾选后填写答复投诉人的时间</translation>
    </message>
    <message>
        <source>Not said</source>
        <translation>未说明</translation>
    </message>
    <message>
        <source>e.g. called back, promised an answer by Friday</source>
        <translation>例如：已回电，答应周五前给出方案</translation>
    </message>
    <message>
        <source>Add a hearing</source>
        <translation>增加开庭或调解日期</translation>
    </message>
    <message>
        <source>Testing ended</source>
        <translation>检测结束</translation>
    </message>
    <message>
        <source>Testing began</source>
        <translation>检测开始</translation>
    </message>
    <message>
        <source>检定、检验、鉴定: the time is not counted in the regulator&apos;s mediation period</source>
        <translation>检定、检验、鉴定：所需时间不计入市场监管部门的调解期限</translation>
    </message>
    <message>
        <source>What is tested</source>
        <translation>检测内容</translation>
    </message>
    <message>
        <source>Agreed or decided at</source>
        <translation>达成或决定时间</translation>
    </message>
    <message>
        <source>Amount to pay or refund (yuan)</source>
        <translation>应付或应退金额（元）</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>付款方</translation>
    </message>
    <message>
        <source>Paid to</source>
        <translation>收款方</translation>
    </message>
    <message>
        <source>Perform by</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <source>A term such as 判决生效之日起十日内 lets the day for performance be worked out from the proceeding</source>
        <translation>写明如“判决生效之日起十日内”的履行期限，可据程序记录推算履行期限的最后一日</translation>
    </message>
    <message>
        <source>No enforcement period is watched until a day for performance is entered.</source>
        <translation>未填写履行期限，申请强制执行的期间无法提醒；请在得知履行期限后填写。</translation>
    </message>
    <message>
        <source>What was agreed or decided</source>
        <translation>协议或决定内容</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>原路退款, 转账, 现金…</source>
        <translation>原路退款、转账、现金…</translation>
    </message>
    <message>
        <source>Recovered from another party (courier, manufacturer)</source>
        <translation>向第三方追回（快递企业、生产者）</translation>
    </message>
    <message>
        <source>Proof (exhibits)</source>
        <translation>凭证（证据编号）</translation>
    </message>
    <message>
        <source>Paid in all %1 would be %2 more than the outcome says is owed (%3): was this payment entered already?</source>
        <translation>累计付款 %1，将比处理结果所载应付金额（%3）多出 %2：这笔付款是否已经登记过？</translation>
    </message>
    <message>
        <source>A payment needs its amount</source>
        <translation>付款须填写金额</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Complainant&apos;s satisfaction</source>
        <translation>投诉人满意度</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <source>%1 of 5</source>
        <translation>%1 分（满分 5 分）</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <source>Reopen case</source>
        <translation>重新开案</translation>
    </message>
    <message>
        <source>Why it is reopened</source>
        <translation>重新开案理由</translation>
    </message>
    <message>
        <source>Reopened at</source>
        <translation>重新开案时间</translation>
    </message>
</context>
<context>
    <name>LibraryChoiceDialog</name>
    <message>
        <source>Cannot open the library</source>
        <translation>无法打开案卷库</translation>
    </message>
    <message>
        <source>CaseFile cannot open the library at %1:</source>
        <translation>CaseFile 无法打开位于 %1 的案卷库：</translation>
    </message>
    <message>
        <source>Choose another library, create a new one, or quit.</source>
        <translation>请选择其他案卷库、新建案卷库，或退出。</translation>
    </message>
    <message>
        <source>Choose another library…</source>
        <translation>选择其他案卷库…</translation>
    </message>
    <message>
        <source>Create a new library…</source>
        <translation>新建案卷库…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Choose a CaseFile library</source>
        <translation>选择 CaseFile 案卷库</translation>
    </message>
    <message>
        <source>Choose an empty folder for the new library</source>
        <translation>为新案卷库选择一个空文件夹</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>cases-%1.xlsx</source>
        <translation>案件列表-%1.xlsx</translation>
    </message>
    <message>
        <source>Export the case list</source>
        <translation>导出案件列表</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>%1 cases exported to %2</source>
        <translation>已导出 %1 件案件：%2</translation>
    </message>
    <message>
        <source>Exporting the case list to %1…</source>
        <translation>正在把案件列表导出到 %1…</translation>
    </message>
    <message>
        <source>Opening the periodic review…</source>
        <translation>正在打开定期复盘…</translation>
    </message>
    <message>
        <source>The periodic review could not be opened.</source>
        <translation>无法打开定期复盘。</translation>
    </message>
    <message>
        <source>CaseFile — %1</source>
        <translation>CaseFile 案卷 — %1</translation>
    </message>
    <message>
        <source>CaseFile — team library %1, signed in as %2</source>
        <translation>CaseFile — 团队库 %1，登录用户 %2</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>复盘(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>下一个标签页</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>上一个标签页</translation>
    </message>
    <message>
        <source>Add evidence…</source>
        <translation>添加证据…</translation>
    </message>
    <message>
        <source>Change stage…</source>
        <translation>阶段变更…</translation>
    </message>
    <message>
        <source>Conclude the case (结案)…</source>
        <translation>结案…</translation>
    </message>
    <message>
        <source>Record the result and close the case as concluded (Ctrl+Shift+E)</source>
        <translation>记录处理结果并结案（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <source>Print the receipt again…</source>
        <translation>重新打印回执…</translation>
    </message>
    <message>
        <source>Add files to the case open (Ctrl+O); you can also drop them on it</source>
        <translation>向当前案件添加文件（Ctrl+O）；也可以直接拖放到案件上</translation>
    </message>
    <message>
        <source>Periodic review…</source>
        <translation>定期复盘…</translation>
    </message>
    <message>
        <source>Intake, deadlines met, time to resolution and escalation over a period, against the one before</source>
        <translation>一段期间的受理量、时限达成、处理时长与升级情况，并与上期对比</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>新建案件…</translation>
    </message>
    <message>
        <source>A new case by any channel, its fields following its type (Ctrl+N)</source>
        <translation>新建任意渠道的案件，按案件类型填写（Ctrl+N）</translation>
    </message>
    <message>
        <source>Walk-in complaint…</source>
        <translation>到店投诉登记…</translation>
    </message>
    <message>
        <source>A customer at the counter, with photos and a receipt (Ctrl+Shift+N)</source>
        <translation>顾客到店投诉：登记、附照片并出具回执（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <source>Import a case archive…</source>
        <translation>导入案卷…</translation>
    </message>
    <message>
        <source>Verify this case</source>
        <translation>核验本案</translation>
    </message>
    <message>
        <source>Verify the whole library</source>
        <translation>核验全部案件</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>搜索案件</translation>
    </message>
    <message>
        <source>Search all evidence…</source>
        <translation>搜索全部证据…</translation>
    </message>
    <message>
        <source>Find words and numbers in every case&apos;s details, chats, e-mails, PDFs and pictures (Ctrl+Shift+F)</source>
        <translation>在所有案件的案件信息、聊天记录、电子邮件、PDF 和图片中查找字词和号码（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>The case list and its filters (Ctrl+F)</source>
        <translation>案件列表及筛选（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search all evidence</source>
        <translation>搜索全部证据</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Export the case list to Excel…</source>
        <translation>导出案件列表（Excel）…</translation>
    </message>
    <message>
        <source>The cases the list shows, as filtered and sorted, in an .xlsx workbook</source>
        <translation>按当前筛选和排序，把列表中的案件导出为 .xlsx 工作簿</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Fetching case %1 from the team library…</source>
        <translation>正在从团队库取回案件 %1…</translation>
    </message>
    <message>
        <source>Case %1 is shown as last fetched: %2</source>
        <translation>案件 %1 显示的是上次取回的内容：%2</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Case %1 has edits in its overview that are not saved.</source>
        <translation>案件 %1 的概况中有尚未保存的修改。</translation>
    </message>
    <message>
        <source>Save them before leaving the case?</source>
        <translation>离开本案前要保存这些修改吗？</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Don&apos;t save</source>
        <translation>不保存</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>%1 moved to %2</source>
        <translation>%1 已进入 %2</translation>
    </message>
    <message>
        <source>%1 not saved: %2</source>
        <translation>%1 未能保存：%2</translation>
    </message>
    <message>
        <source>%1 cases · %2 due today · %3 overdue</source>
        <translation>共 %1 件 · 今日到期 %2 件 · 已超时 %3 件</translation>
    </message>
    <message>
        <source>%4 of %1 cases shown · %2 due today · %3 overdue</source>
        <translation>显示 %4 件，共 %1 件 · 今日到期 %2 件 · 已超时 %3 件</translation>
    </message>
    <message>
        <source>Case %1: %2 arrived, now exhibit %3</source>
        <translation>案件 %1：收到 %2，已成为案卷编号 %3 的证据</translation>
    </message>
    <message>
        <source>Case %1: %2 in a watched folder was refused: %3</source>
        <translation>案件 %1：监视文件夹中的 %2 未被接收：%3</translation>
    </message>
    <message>
        <source>Case %1: %2 new files added from a watched folder</source>
        <translation>案件 %1：从监视文件夹添加了 %2 个新文件</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 already in the case</source>
        <translation>%1 个已在案件中</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>案件 %1</translation>
    </message>
    <message>
        <source>Case %1 created</source>
        <translation>已新建案件 %1</translation>
    </message>
    <message>
        <source>the store&apos;s name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <source>your name (受理人)</source>
        <translation>受理人姓名</translation>
    </message>
    <message>
        <source>your staff number (工号)</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Set them now…</source>
        <translation>现在设置…</translation>
    </message>
    <message>
        <source>Leave blanks to fill in by hand</source>
        <translation>留空，打印后手写</translation>
    </message>
    <message>
        <source>Registered %1</source>
        <translation>已登记 %1</translation>
    </message>
    <message>
        <source>Walk-in complaint</source>
        <translation>到店投诉登记</translation>
    </message>
    <message>
        <source>No receipt can be printed for this case</source>
        <translation>此案件无法打印回执</translation>
    </message>
    <message>
        <source>The stage box of the case open, in Overview (Ctrl+J)</source>
        <translation>打开案件的阶段栏，在“概况”中（Ctrl+J）</translation>
    </message>
    <message>
        <source>The complaint receipt, on A5 or an 80 mm roll, in Bundles (Ctrl+Shift+P)</source>
        <translation>投诉受理回执，A5 或 80 毫米热敏纸，在“材料”中（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>Put the case away</source>
        <translation>关闭案件</translation>
    </message>
    <message>
        <source>No case open; the case itself is unchanged, not closed as concluded (Ctrl+W)</source>
        <translation>不再显示当前案件；案件本身不变，并非结案（Ctrl+W）</translation>
    </message>
    <message>
        <source>%1 refused (%2: %3)</source>
        <translation>%1 个未被接收（%2：%3）</translation>
    </message>
    <message>
        <source>The receipt prints the store and who received the complaint; not set yet: %1.</source>
        <translation>回执上要印明门店和受理人，尚未设置：%1。</translation>
    </message>
    <message>
        <source>Set them now? They are kept for every receipt, and File → Settings… changes them later.</source>
        <translation>现在设置吗？设置后每张回执都会使用，以后可在“设置”中修改。</translation>
    </message>
    <message>
        <source>Your name is needed before the desk opens: a receipt names who received the complaint.</source>
        <translation>请先填写受理人姓名：回执上须写明由谁受理投诉。</translation>
    </message>
    <message>
        <source>The receipt is kept with the case: %1</source>
        <translation>回执已随案保存：%1</translation>
    </message>
    <message>
        <source>Timestamp root not checked</source>
        <translation>时间戳根证书未经核对</translation>
    </message>
    <message>
        <source>Import a case archive</source>
        <translation>导入案卷</translation>
    </message>
    <message>
        <source>Case archives (*.zip)</source>
        <translation>案卷压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>Case %1 imported with %2 exhibits</source>
        <translation>已导入案件 %1，共 %2 份证据</translation>
    </message>
    <message>
        <source>The timestamps of case %1 rely on a root certificate you have not pinned, so they are shown as “timestamp (root not checked)”:

%2

The archive checks only against the root it carries itself. Compare this fingerprint with the one the authority publishes; if they are the same, add it under Settings → Pinned TSA roots.</source>
        <translation>案件 %1 的时间戳所依赖的根证书不在您已核对的根证书之列，因此显示为“时间戳（根证书未经核对）”：

%2

导入时只以案卷自带的根证书核验。请将此指纹与时间戳服务机构公布的根证书指纹比对；一致的，在“设置 → 已核对的 TSA 根证书”中添加。</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>Repair %1 case(s)? A damaged record is rebuilt from its custody log, README.txt is written again, and generated bundles that are missing or altered are recorded as lost (an altered one is moved to set-aside/ in the case folder; make a new bundle afterwards). Evidence files are never changed, and everything done is recorded in the custody log.</source>
        <translation>修复 %1 个案件？损坏的案件记录将根据保管记录重建，README.txt 将重新写入，缺失或被改动的生成证据材料将记为遗失（被改动的文件移到案件文件夹的 set-aside/ 中；之后请重新生成证据材料）。证据文件不会被改动，所做的一切都记入保管记录。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Fetching the case list from the team library…</source>
        <translation>正在从团队库取回案件列表…</translation>
    </message>
    <message>
        <source>The case list is as last fetched: %1</source>
        <translation>案件列表为上次取回的内容：%1</translation>
    </message>
    <message>
        <source>Team library · %1</source>
        <translation>团队库 · %1</translation>
    </message>
    <message>
        <source>Catalogue %1; evidence store %2</source>
        <translation>团队目录 %1；证据存储 %2</translation>
    </message>
    <message>
        <source>This case is closed already; Reopen… in the Handling tab reopens it</source>
        <translation>此案件已结案；可在“处理”中重新开案</translation>
    </message>
    <message>
        <source>Saved %1: everything here is saved as it is typed</source>
        <translation>已保存 %1：此处的内容随输入自动保存</translation>
    </message>
    <message>
        <source>Verifying case %1 (%2 of %3)…</source>
        <translation>正在核验案件 %1（第 %2 个，共 %3 个）…</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>经过</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Complainant&apos;s phone</source>
        <translation>投诉人电话</translation>
    </message>
    <message>
        <source>Respondent (business)</source>
        <translation>被投诉人（经营者）</translation>
    </message>
    <message>
        <source>Carrier (express company)</source>
        <translation>承运快递公司</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Presumed from the organisation in Settings</source>
        <translation>按机构设置推定</translation>
    </message>
    <message>
        <source>Whose side we are on: complained to (a store, customer service: the response promise runs), or the complainant (a merchant&apos;s own claim, a law firm acting for its client: no response promise). Left as presumed, it follows the organisation in Settings and the parties; when they do not tell, you are asked.</source>
        <translation>我方身份：被投诉方（门店、客服：适用响应承诺），或投诉方（商家自行索赔、律所代理委托人：不适用响应承诺）。选“按机构设置推定”时，按设置中的机构和当事人判断；判断不了时会请您选择。</translation>
    </message>
    <message>
        <source>Make a receipt for the complainant and print it</source>
        <translation>为投诉人出具回执并打印</translation>
    </message>
    <message>
        <source>Create case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <source>We are the complainant: no response promise of ours runs</source>
        <translation>我方是投诉方：不适用我方的响应承诺</translation>
    </message>
    <message>
        <source>Reply by %1 (within %2 h of the complaint)</source>
        <translation>请于 %1 前答复（自投诉起 %2 小时内）</translation>
    </message>
    <message>
        <source>Discard this case? Nothing has been created.</source>
        <translation>放弃这个案件？尚未创建任何内容。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Keep typing</source>
        <translation>继续填写</translation>
    </message>
    <message>
        <source>When, where, who, what happened</source>
        <translation>时间、地点、人物、经过</translation>
    </message>
    <message>
        <source>Whose side are we on? %1 (the organisation in Settings) is neither the complainant nor the respondent here: choose our side</source>
        <translation>我方身份无法判断：%1（设置中的机构）既不是投诉人也不是被投诉人，请选择我方身份</translation>
    </message>
    <message>
        <source>Case %1 was created, but its receipt was not made.</source>
        <translation>案件 %1 已新建，但回执未能生成。</translation>
    </message>
</context>
<context>
    <name>OcrQueue</name>
    <message>
        <source>Reading text %1/%2</source>
        <translation>识别文字 %1/%2</translation>
    </message>
    <message>
        <source>Text is being read from pictures and scanned pages, for search</source>
        <translation>正在识别图片和扫描页中的文字，供搜索使用</translation>
    </message>
    <message>
        <source>Reading text stopped: %1</source>
        <translation>文字识别已停止：%1</translation>
    </message>
    <message>
        <source>Text not read from %1 files</source>
        <translation>%1 个文件未能识别文字</translation>
    </message>
    <message>
        <source>Text in pictures is not read: OCR is not installed</source>
        <translation>未识别图片中的文字：未安装文字识别（OCR）组件</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Undo unsaved edits</source>
        <translation>撤销未保存的修改</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Note for the stage log</source>
        <translation>阶段记录备注</translation>
    </message>
    <message>
        <source>Exhibits, e.g. 1,3</source>
        <translation>证据编号，如 1,3</translation>
    </message>
    <message>
        <source>The exhibits that show what happened (a written reply…): packets cite them as （见证据N）</source>
        <translation>能证明所记情况的证据（如书面答复）的案卷编号：材料中将以“（见证据N）”引用</translation>
    </message>
    <message>
        <source>When the case entered this stage (now, or when it really happened)</source>
        <translation>案件进入该阶段的时间（默认为现在，可改为实际发生的时间）</translation>
    </message>
    <message>
        <source>Move to this stage</source>
        <translation>进入该阶段</translation>
    </message>
    <message>
        <source>Empty: the organisation in Settings (%1)</source>
        <translation>留空即为设置中的本单位（%1）</translation>
    </message>
    <message>
        <source>Empty: the organisation in Settings (none entered yet)</source>
        <translation>留空即为设置中的本单位（尚未填写）</translation>
    </message>
    <message>
        <source>Check these dates, one of each pair is likely mistyped: %1</source>
        <translation>请核对以下日期，每组中很可能有一个录错：%1</translation>
    </message>
    <message>
        <source>Damaged: %1 — nothing can be changed until the case verifies again.</source>
        <translation>已损坏：%1——核验通过前不能修改本案件。</translation>
    </message>
    <message>
        <source>(exhibits %1)</source>
        <translation>（证据：案卷编号%1）</translation>
    </message>
    <message>
        <source>(recorded %1)</source>
        <translation>（%1 录入）</translation>
    </message>
    <message>
        <source>Presumed from the organisation in Settings: %1</source>
        <translation>按机构设置推定：%1</translation>
    </message>
    <message>
        <source>The case does not record whose side we are on: it is presumed from the organisation in Settings and the parties. Choose one and save to record it.</source>
        <translation>本案未记录我方身份，现按设置中的机构和当事人推定。选择后保存即记入案件。</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Reload the case to see what was saved meanwhile: your edits to the other fields stay in the form, then make your change again and save.</source>
        <translation>请重新载入本案，查看他人在此期间保存的内容：您对其他字段的修改会保留在表单中，然后再改一次并保存。</translation>
    </message>
    <message>
        <source>Reload the case</source>
        <translation>重新载入本案</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不载入</translation>
    </message>
    <message>
        <source>Reloaded: the fields changed meanwhile show what was saved; your other edits are kept, not saved yet.</source>
        <translation>已重新载入：被他人修改的字段显示已保存的内容；您的其他修改已保留，尚未保存。</translation>
    </message>
    <message>
        <source>Say in the note why stages are skipped</source>
        <translation>请在备注中说明跳过阶段的原因</translation>
    </message>
    <message>
        <source>Skip stages</source>
        <translation>跳过阶段</translation>
    </message>
    <message>
        <source>The case has not been through %1. Move it to %2 all the same?

The stage log will say the stages were skipped; write why in the note.</source>
        <translation>本案尚未经过“%1”。仍要移至“%2”吗？

阶段记录将注明跳过了哪些阶段；请在备注中写明原因。</translation>
    </message>
</context>
<context>
    <name>PartyGroup</name>
    <message>
        <source>Several addresses separated by “；”</source>
        <translation>多个地址用“；”分隔</translation>
    </message>
    <message>
        <source>Each of this party&apos;s e-mail addresses, separated by “；”, e.g. a@example.cn；b@example.cn.</source>
        <translation>填写该方的全部电子邮箱，多个地址用“；”分隔，例如 a@example.cn；b@example.cn。</translation>
    </message>
    <message>
        <source>A business&apos;s own mail domain can be entered as @domain (e.g. @shop.example.cn): every address at it is then taken as the business&apos;s. A public mail service&apos;s domain never is.</source>
        <translation>经营者自有的邮箱域名可写作“@域名”（例如 @shop.example.cn），该域名下的所有地址即视为经营者的邮箱；公共邮箱服务的域名不会被视为任何一方的。</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <source>Open with the system&apos;s viewer</source>
        <translation>用系统程序打开</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>This PDF could not be shown here.</source>
        <translation>无法在此显示该 PDF。</translation>
    </message>
    <message>
        <source>Showing PDFs needs Qt&apos;s PDF module, which this installation lacks.</source>
        <translation>显示 PDF 需要 Qt 的 PDF 模块，本安装缺少该模块。</translation>
    </message>
    <message>
        <source>No program on this computer opens PDF files; the packet is shown here. It is saved at %1</source>
        <translation>本机没有可打开 PDF 的程序，材料已在此显示。文件保存在 %1</translation>
    </message>
</context>
<context>
    <name>PhonePhotosDialog</name>
    <message>
        <source>Photos from the phone</source>
        <translation>手机照片</translation>
    </message>
    <message>
        <source>Show the photos taken on an earlier day, for a customer who comes back</source>
        <translation>查看更早某天拍摄的照片（用于顾客隔天再来）</translation>
    </message>
    <message>
        <source>&amp;Taken on</source>
        <translation>拍摄日期(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Day before</source>
        <translation>前一天(&amp;D)</translation>
    </message>
    <message>
        <source>T&amp;oday</source>
        <translation>今天(&amp;O)</translation>
    </message>
    <message>
        <source>Tick the customer&apos;s photos: click a photo or its box, or press Space</source>
        <translation>勾选这位顾客的照片：点击照片或复选框，或按空格键</translation>
    </message>
    <message>
        <source>Add the ticked photos</source>
        <translation>添加勾选的照片</translation>
    </message>
    <message>
        <source>Photos and videos taken today in %1</source>
        <translation>%1 中今天拍摄的照片和视频</translation>
    </message>
    <message>
        <source>Photos and videos taken on %1 in %2</source>
        <translation>%2 中 %1 拍摄的照片和视频</translation>
    </message>
    <message>
        <source>Reading the folder…</source>
        <translation>正在读取文件夹…</translation>
    </message>
    <message>
        <source>The folder cannot be read: %1</source>
        <translation>无法读取文件夹：%1</translation>
    </message>
    <message>
        <source>Nothing taken today in this folder yet. Has the phone synced? Or choose an earlier day.</source>
        <translation>此文件夹中还没有今天拍摄的照片。手机同步了吗？也可以选择更早的日期。</translation>
    </message>
    <message>
        <source>No photos or videos taken on %1 in this folder.</source>
        <translation>此文件夹中没有 %1 拍摄的照片或视频。</translation>
    </message>
    <message>
        <source>Photos and videos: %1. Tick the customer&apos;s own; times are when each was taken.</source>
        <translation>共 %1 张照片和视频，请勾选这位顾客本人的。所示时间为拍摄时间。</translation>
    </message>
    <message>
        <source>Cannot show this file: %1</source>
        <translation>无法显示此文件：%1</translation>
    </message>
    <message>
        <source>%1 (file time)</source>
        <translation>%1（文件时间）</translation>
    </message>
    <message>
        <source>taken at %1 (the photo&apos;s EXIF)</source>
        <translation>拍摄于 %1（照片的 EXIF 信息）</translation>
    </message>
    <message>
        <source>recorded at %1 (the video&apos;s own time)</source>
        <translation>录制于 %1（视频自带的时间）</translation>
    </message>
    <message>
        <source>taken at %1 (time in the file name)</source>
        <translation>拍摄于 %1（文件名中的时间）</translation>
    </message>
    <message>
        <source>the file states no time; last changed at %1</source>
        <translation>文件未记载拍摄时间；最后修改于 %1</translation>
    </message>
    <message>
        <source>Could not read its details</source>
        <translation>无法读取文件信息</translation>
    </message>
    <message>
        <source>the picture is too large to open safely</source>
        <translation>图片过大，无法安全打开</translation>
    </message>
    <message>
        <source>not a picture this program can read (damaged, or another format)</source>
        <translation>不是本程序能读取的图片（已损坏或为其他格式）</translation>
    </message>
    <message>
        <source>the file is cut short (damaged or not fully synced)</source>
        <translation>文件不完整（已损坏或尚未同步完）</translation>
    </message>
    <message>
        <source>the file is damaged or cannot be drawn</source>
        <translation>文件已损坏或无法显示</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>已选 %1 张</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Fit the picture to the pane (Ctrl+0)</source>
        <translation>图片适应窗口大小（Ctrl+0）</translation>
    </message>
    <message>
        <source>Turn left for viewing (Ctrl+L); the file is not changed</source>
        <translation>向左旋转查看（Ctrl+L）；不改变原文件</translation>
    </message>
    <message>
        <source>Turn right for viewing (Ctrl+R); the file is not changed</source>
        <translation>向右旋转查看（Ctrl+R）；不改变原文件</translation>
    </message>
    <message>
        <source>No preview for this kind of file</source>
        <translation>此类文件无法预览</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>正在准备预览…</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>无法读取该文件：%1</translation>
    </message>
    <message>
        <source>… (only the first 200 KB are shown)</source>
        <translation>……（只显示前 200 KB）</translation>
    </message>
    <message>
        <source>This PDF cannot be shown (encrypted or damaged).</source>
        <translation>无法显示此 PDF（已加密或已损坏）。</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Step up</source>
        <translation>增加(&amp;S)</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>减少(&amp;D)</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Page &amp;order:</source>
        <translation>页序(&amp;O)：</translation>
    </message>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation>每张页数(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>打印页(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>RedactionDialog</name>
    <message>
        <source>Redact exhibit %1</source>
        <translation>遮盖证据（案卷编号%1）</translation>
    </message>
    <message>
        <source>Exhibit %1: %2</source>
        <translation>案卷编号%1：%2</translation>
    </message>
    <message>
        <source>(its redacted copy %1&apos;s boxes are kept)</source>
        <translation>（保留遮盖件证据%1 已有的遮盖框）</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <source>Cover all suggested</source>
        <translation>全部采用建议</translation>
    </message>
    <message>
        <source>Turn every suggested box on this page into a box to burn in</source>
        <translation>将本页所有建议框转为遮盖框</translation>
    </message>
    <message>
        <source>Delete box</source>
        <translation>删除遮盖框</translation>
    </message>
    <message>
        <source>Remove the selected box (Delete)</source>
        <translation>删除所选遮盖框（Delete）</translation>
    </message>
    <message>
        <source>Drag on the picture to draw a black box; drag a box to move it; Delete removes the selected box. Orange dashed boxes are suggestions (phone numbers, ID numbers, addresses found in the page&apos;s text): click one to cover it. The original is kept as it is; the copy is a new exhibit.</source>
        <translation>在图上拖动即可画出黑色遮盖框；拖动遮盖框可移动它；按 Delete 删除所选框。橙色虚线框为建议（从页面文字中找到的手机号、身份证号、地址等），单击即可遮盖。原件保持不变，遮盖件作为新证据保存。</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>遮盖理由：</translation>
    </message>
    <message>
        <source>What is covered and why (required), e.g. a third party&apos;s phone number</source>
        <translation>遮盖了什么、为什么（必填），例如：第三方手机号</translation>
    </message>
    <message>
        <source>Save redacted copy</source>
        <translation>保存遮盖件</translation>
    </message>
    <message>
        <source>Preparing the picture…</source>
        <translation>正在准备图像…</translation>
    </message>
    <message>
        <source>%1: %2 — click to cover it</source>
        <translation>%1：%2——单击即可遮盖</translation>
    </message>
    <message>
        <source>%1 boxes</source>
        <translation>%1 个遮盖框</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 suggested on this page</source>
        <translation>本页建议 %1 处</translation>
    </message>
    <message>
        <source>a reason is needed to save</source>
        <translation>需填写遮盖理由才能保存</translation>
    </message>
    <message>
        <source>Saving the redacted copy…</source>
        <translation>正在保存遮盖件…</translation>
    </message>
</context>
<context>
    <name>ReviewDashboard</name>
    <message>
        <source>Periodic review</source>
        <translation>定期复盘</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>近90天</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>自定义期间</translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation>不分组</translation>
    </message>
    <message>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Save the report (PDF)…</source>
        <translation>保存报告（PDF）…</translation>
    </message>
    <message>
        <source>Save the tables (Excel)…</source>
        <translation>保存表格（Excel）…</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>The review could not be computed.</source>
        <translation>无法完成统计。</translation>
    </message>
    <message>
        <source>%1 to %2: %3, %4 closed; compared with %5 to %6</source>
        <translation>%1 至 %2：%3，结案 %4 件；对比期间 %5 至 %6</translation>
    </message>
    <message>
        <source>1 case received</source>
        <translation>受理 1 件</translation>
    </message>
    <message>
        <source>%1 cases received</source>
        <translation>受理 %1 件</translation>
    </message>
    <message>
        <source>Cases received</source>
        <translation>受理案件</translation>
    </message>
    <message>
        <source>Cases closed</source>
        <translation>结案案件</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解决率</translation>
    </message>
    <message>
        <source>Satisfaction (1–5)</source>
        <translation>满意度（1–5）</translation>
    </message>
    <message>
        <source>Time to resolution, median (days)</source>
        <translation>处理时长中位数（自然日）</translation>
    </message>
    <message>
        <source>Time to resolution, 90th percentile (days)</source>
        <translation>处理时长第90百分位（自然日）</translation>
    </message>
    <message>
        <source>Time to resolution, median (working days)</source>
        <translation>处理时长中位数（工作日）</translation>
    </message>
    <message>
        <source>Time to resolution, 90th percentile (working days)</source>
        <translation>处理时长第90百分位（工作日）</translation>
    </message>
    <message>
        <source>Response promises met</source>
        <translation>响应承诺达成率</translation>
    </message>
    <message>
        <source>Statutory time limits met</source>
        <translation>法定时限达成率</translation>
    </message>
    <message>
        <source>Mediation success</source>
        <translation>调解成功率</translation>
    </message>
    <message>
        <source>Compensation paid</source>
        <translation>已支付赔偿</translation>
    </message>
    <message>
        <source>Recovered from others</source>
        <translation>追偿收回</translation>
    </message>
    <message>
        <source>Cases claimed against a courier</source>
        <translation>向快递企业索赔的案件（件）</translation>
    </message>
    <message>
        <source>of which money recovered (cases)</source>
        <translation>其中已从快递企业收回（件）</translation>
    </message>
    <message>
        <source>Recovered from couriers in those cases</source>
        <translation>上述案件从快递企业收回</translation>
    </message>
    <message>
        <source>Evidence complete at closing</source>
        <translation>结案证据完整度</translation>
    </message>
    <message>
        <source>Cases received by %1</source>
        <translation>按%1的受理量</translation>
    </message>
    <message>
        <source>Escalation funnel</source>
        <translation>升级漏斗</translation>
    </message>
    <message>
        <source>Promises met</source>
        <translation>响应承诺达成</translation>
    </message>
    <message>
        <source>Time limits met</source>
        <translation>法定时限达成</translation>
    </message>
    <message>
        <source>Evidence complete</source>
        <translation>证据完整</translation>
    </message>
    <message>
        <source>Shares met (%)</source>
        <translation>达成率与成功率（%）</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>第90百分位</translation>
    </message>
    <message>
        <source>Working days to resolution by %1</source>
        <translation>按%1的处理时长（工作日）</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <source>Working days to resolution</source>
        <translation>处理时长（工作日）</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>中位数（自然日）</translation>
    </message>
    <message>
        <source>P90 days</source>
        <translation>P90（自然日）</translation>
    </message>
    <message>
        <source>Median working days</source>
        <translation>中位数（工作日）</translation>
    </message>
    <message>
        <source>P90 working days</source>
        <translation>P90（工作日）</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>追偿收回</translation>
    </message>
    <message>
        <source>Save the review report</source>
        <translation>保存复盘报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the review tables</source>
        <translation>保存复盘表格</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>review-%1-%2.%3</source>
        <translation>复盘-%1-%2.%3</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存：%1</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search this case&apos;s details and the text of its evidence</source>
        <translation>搜索本案的案件信息和证据文字</translation>
    </message>
    <message>
        <source>Search every case and its evidence (Ctrl+Shift+F)</source>
        <translation>搜索所有案件及其证据（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <source>Words in Chinese or English, order, waybill or phone numbers (the last four digits are enough). Chats, e-mails, PDFs, transcripts and the text read from pictures are searched.</source>
        <translation>可输入中文或英文字词、订单号、运单号或电话号码（输入后四位即可）。搜索范围包括聊天记录、电子邮件、PDF、录音整理和从图片中识别的文字。</translation>
    </message>
    <message>
        <source>Back to the exhibits</source>
        <translation>返回证据列表</translation>
    </message>
    <message>
        <source>Close the search and show the case&apos;s exhibits (Esc)</source>
        <translation>关闭搜索，显示本案证据（Esc）</translation>
    </message>
    <message>
        <source>All kinds of text</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>Search only one kind of text</source>
        <translation>只搜索一种来源的文字</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <source>Between dates…</source>
        <translation>指定日期…</translation>
    </message>
    <message>
        <source>When the evidence was made or captured (for a case&apos;s own details: when the complaint was made)</source>
        <translation>证据形成或拍摄的日期（案件信息按投诉日期）</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <source>an unexpected error (the details are in the log)</source>
        <translation>发生意外错误（详情已记入日志）</translation>
    </message>
    <message>
        <source>The search could not be done: %1</source>
        <translation>搜索未能完成：%1</translation>
    </message>
    <message>
        <source>Type a word, a name or a number to find it in this case&apos;s details and evidence.</source>
        <translation>输入字词、姓名或号码，在本案的案件信息和证据中查找。</translation>
    </message>
    <message>
        <source>Type a word, a name or a number to find it in every case: its details, chats, e-mails, PDFs, transcripts and the text read from photos and screenshots.</source>
        <translation>输入字词、姓名或号码，在所有案件中查找：案件信息、聊天记录、电子邮件、PDF、录音整理，以及从照片和截图中识别的文字。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Nothing found for “%1” with these filters.</source>
        <translation>在当前筛选条件下没有找到“%1”。</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>没有找到“%1”。</translation>
    </message>
    <message>
        <source>%1 of %2 hits, best first</source>
        <translation>共 %2 条，显示前 %1 条，按相关度排列</translation>
    </message>
    <message>
        <source>%1 hits, best first</source>
        <translation>共 %1 条，按相关度排列</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Printed beside the operator&apos;s name on walk-in receipts (受理人 / 工号)</source>
        <translation>打印在到店投诉回执上经办人姓名旁（受理人 / 工号）</translation>
    </message>
    <message>
        <source>The operator name above</source>
        <translation>默认为上面的操作人姓名</translation>
    </message>
    <message>
        <source>Printed as the contact person on the organisation&apos;s claims (courier claims, 12305 appeals)</source>
        <translation>本单位理赔材料（快递理赔申请书、12305 申诉书）上打印的联系人</translation>
    </message>
    <message>
        <source> years</source>
        <comment>after a number</comment>
        <translation> 年</translation>
    </message>
    <message>
        <source>deleted once handled</source>
        <translation>处理完毕即删除</translation>
    </message>
    <message>
        <source>How long after a complaint is handled the customer&apos;s personal data is kept, as the walk-in receipt tells the customer</source>
        <translation>投诉处理完毕后顾客个人信息的保存年限，到店投诉回执上会告知顾客</translation>
    </message>
    <message>
        <source>Beijing time (UTC+08:00)</source>
        <translation>北京时间（UTC+08:00）</translation>
    </message>
    <message>
        <source>This computer&apos;s time zone, with its offset beside each time</source>
        <translation>本机时区（每个时间旁注明时差）</translation>
    </message>
    <message>
        <source>The zone times are shown and typed in, in the app and in packets and receipts. Deadlines are counted in Beijing time either way; stored times do not change.</source>
        <translation>软件界面、材料包和回执中显示和录入时间所用的时区。期限一律按北京时间计算；已保存的时间不会改变。</translation>
    </message>
    <message>
        <source>Consumer association / 12315</source>
        <translation>消协 / 12315</translation>
    </message>
    <message>
        <source>Arbitration</source>
        <translation>仲裁</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Courier claim</source>
        <translation>快递理赔</translation>
    </message>
    <message>
        <source>Walk-in receipt</source>
        <translation>到店受理回执</translation>
    </message>
    <message>
        <source>no split</source>
        <translation>不分册</translation>
    </message>
    <message>
        <source>Move them to the folder&apos;s .ingested subfolder</source>
        <translation>移入该文件夹的 .ingested 子文件夹</translation>
    </message>
    <message>
        <source>Delete them (the case keeps the bytes)</source>
        <translation>删除（案件中保留原文件）</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds, after a number</comment>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Where the system does not say when a file is finished, wait until it has not changed this long</source>
        <translation>系统无法告知文件何时写完时，等待文件在这段时间内不再变化</translation>
    </message>
    <message>
        <source>none: exhibits are not timestamped</source>
        <translation>不设置：证据不加盖可信时间戳</translation>
    </message>
    <message>
        <source>The address of a timestamp authority (TSA, RFC 3161), e.g. http://timestamp.example.com/tsa. After each ingest the new exhibits and the custody log&apos;s last entry are stamped with one request; while it cannot be reached, the request waits and is sent later.</source>
        <translation>时间戳服务机构（TSA，RFC 3161）的地址，例如 http://timestamp.example.com/tsa。每次导入后，新证据与保管记录末条一并以一次请求加盖时间戳；无法连接时请求排队，稍后自动发送。</translation>
    </message>
    <message>
        <source>only when the TSA&apos;s tokens do not carry its root certificate</source>
        <translation>仅当该机构的时间戳不附带其根证书时需要</translation>
    </message>
    <message>
        <source>none: every timestamp is shown as “root not checked”</source>
        <translation>无：所有时间戳均显示为“根证书未经核对”</translation>
    </message>
    <message>
        <source>The SHA-256 fingerprints of the timestamp authorities&apos; root certificates you have compared with the fingerprints the authorities publish, separated by commas. Only a timestamp whose root is one of them is shown as a trusted timestamp.</source>
        <translation>您已与时间戳服务机构公布的指纹比对过的根证书 SHA-256 指纹，以逗号分隔。只有根证书在此之列的时间戳才显示为可信时间戳。</translation>
    </message>
    <message>
        <source>From a certificate…</source>
        <translation>从证书文件添加…</translation>
    </message>
    <message>
        <source>Read new pictures and scans in the background</source>
        <translation>在后台识别新图片和扫描页中的文字</translation>
    </message>
    <message>
        <source>For search and for suggested redactions; the text is kept beside the library, not as evidence</source>
        <translation>用于搜索和建议遮盖区域；识别出的文字保存在证据库旁，不作为证据</translation>
    </message>
    <message>
        <source>Folders attached to cases are kept in the library, the same for everyone who uses it: attach or detach them in a case&apos;s Evidence tab (Watch folders).</source>
        <translation>关联到案件的文件夹记录在案卷库中，使用该案卷库的每个人看到的都相同：请在案件的“证据”页（监视文件夹）中关联或取消关联。</translation>
    </message>
    <message>
        <source>Import a holiday arrangement…</source>
        <translation>导入节假日安排…</translation>
    </message>
    <message>
        <source>Deadlines in working days follow the State Council&apos;s holiday arrangement. Import a newer year (a CaseFile calendar file) when it is published; deadlines in a year not known are provisional.</source>
        <translation>以工作日计算的期限按国务院公布的节假日安排计算。新一年的安排公布后，请导入（CaseFile 日历文件）；落在尚未公布年份的期限为暂定。</translation>
    </message>
    <message>
        <source>Library folder</source>
        <translation>案卷库文件夹</translation>
    </message>
    <message>
        <source>Operator name</source>
        <translation>操作人姓名</translation>
    </message>
    <message>
        <source>Staff number (工号)</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Personal data kept after handling</source>
        <translation>个人信息保存期限</translation>
    </message>
    <message>
        <source>Times shown in</source>
        <translation>时间显示为</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Default venue</source>
        <translation>默认材料去向</translation>
    </message>
    <message>
        <source>E-filing size limit</source>
        <translation>网上立案分册大小</translation>
    </message>
    <message>
        <source>Watched files, once added</source>
        <translation>监视的文件添加后</translation>
    </message>
    <message>
        <source>Wait for files to settle</source>
        <translation>等待文件稳定</translation>
    </message>
    <message>
        <source>Timestamp authority (TSA)</source>
        <translation>时间戳服务机构（TSA）</translation>
    </message>
    <message>
        <source>TSA root certificate</source>
        <translation>TSA 根证书</translation>
    </message>
    <message>
        <source>Pinned TSA roots (SHA-256)</source>
        <translation>已核对的 TSA 根证书（SHA-256）</translation>
    </message>
    <message>
        <source>Text in pictures (OCR)</source>
        <translation>图片文字识别（OCR）</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日安排</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Team library</source>
        <translation>团队库</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Years known: %1–%2</source>
        <translation>已知年份：%1–%2</translation>
    </message>
    <message>
        <source>Import a holiday arrangement</source>
        <translation>导入节假日安排</translation>
    </message>
    <message>
        <source>Calendar files (*.json)</source>
        <translation>日历文件 (*.json)</translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation>已导入：%1</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>证书（*.pem *.crt *.cer）</translation>
    </message>
    <message>
        <source>Pinned once you save:
%1

Compare this fingerprint with the one the authority publishes: only a root you have checked should be pinned.</source>
        <translation>保存后将固定：
%1

请将此指纹与时间戳服务机构公布的指纹比对：只应固定您已核对的根证书。</translation>
    </message>
    <message>
        <source>The TSA address must begin with http:// or https://</source>
        <translation>TSA 地址须以 http:// 或 https:// 开头</translation>
    </message>
    <message>
        <source>The new library is used from the next start.</source>
        <translation>新的案卷库将在下次启动时使用。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to the team library</source>
        <translation>登录团队库</translation>
    </message>
    <message>
        <source>The team library at %1</source>
        <translation>团队库：%1</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Use the library on this computer</source>
        <translation>使用本机案卷库</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>StampSender</name>
    <message>
        <source>%1
SHA-256 %2</source>
        <translation>%1
SHA-256 %2</translation>
    </message>
    <message>
        <source>(its root certificate cannot be read)</source>
        <translation>（无法读取其根证书）</translation>
    </message>
    <message>
        <source>A timestamp was attached whose root certificate is not one you pinned, so it is shown as “timestamp (root not checked)”, not as a trusted timestamp:

%1

Anyone can make a root and a timestamp authority under any name. Compare this fingerprint with the one the authority publishes; if they are the same, add it under Settings → Pinned TSA roots (or choose the authority&apos;s root certificate file there).</source>
        <translation>已加盖的时间戳所依赖的根证书不在您已核对的根证书之列，因此显示为“时间戳（根证书未经核对）”，而非可信时间戳：

%1

任何人都可以自建根证书，并以任意机构名称签发时间戳。请将此指纹与时间戳服务机构公布的根证书指纹比对；一致的，在“设置 → 已核对的 TSA 根证书”中添加（或在该处选择该机构的根证书文件）。</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>A team library keeps the cases on the office&apos;s servers: a catalogue (PostgreSQL) and an evidence store. Everyone who connects works on the same cases.</source>
        <translation>团队库把案件保存在单位的服务器上：一个团队目录（PostgreSQL）和一个证据存储。连接到团队库的每个人处理的是同一批案件。</translation>
    </message>
    <message>
        <source>never saved: asked at each start</source>
        <translation>不会保存：每次启动时询问</translation>
    </message>
    <message>
        <source>Only for an S3 store. Taken from %1 and %2 when they are set; otherwise kept in your private team file (readable by you only), never in the settings.</source>
        <translation>仅用于 S3 证据存储。设置了 %1 和 %2 时取自这两个环境变量；否则保存在您私有的团队库文件中（只有您能读取），不会写入设置。</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <source>Catalogue address</source>
        <translation>团队目录地址</translation>
    </message>
    <message>
        <source>Evidence store address</source>
        <translation>证据存储地址</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>S3 access key</source>
        <translation>S3 访问密钥 ID</translation>
    </message>
    <message>
        <source>S3 secret key</source>
        <translation>S3 私有访问密钥</translation>
    </message>
    <message>
        <source>Enter the catalogue&apos;s address</source>
        <translation>请填写团队目录地址</translation>
    </message>
    <message>
        <source>Enter the evidence store&apos;s address</source>
        <translation>请填写证据存储地址</translation>
    </message>
    <message>
        <source>This window works on the library folder on this computer.</source>
        <translation>本窗口正在使用本机的案卷库文件夹。</translation>
    </message>
    <message>
        <source>This window works on the team library %1, signed in as %2.</source>
        <translation>本窗口正在使用团队库 %1，登录账号 %2。</translation>
    </message>
    <message>
        <source>Asking the servers…</source>
        <translation>正在询问服务器…</translation>
    </message>
    <message>
        <source>Both servers answer: the catalogue %1 and the evidence store %2.</source>
        <translation>两台服务器都有应答：团队目录 %1 和证据存储 %2。</translation>
    </message>
    <message>
        <source>Connecting to the team library…</source>
        <translation>正在连接团队库…</translation>
    </message>
    <message>
        <source>Save or revert the open case&apos;s edits first, then connect again.</source>
        <translation>请先保存或撤销当前案件中未保存的修改，再重新连接。</translation>
    </message>
    <message>
        <source>Connected: the window shows the team library&apos;s cases (%1).</source>
        <translation>已连接：窗口显示团队库的案件（%1）。</translation>
    </message>
    <message>
        <source>Save or revert the open case&apos;s edits first, then disconnect again.</source>
        <translation>请先保存或撤销当前案件中未保存的修改，再重新断开。</translation>
    </message>
    <message>
        <source>Disconnected: the window shows the library folder %1.</source>
        <translation>已断开：窗口显示案卷库文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>With… (not said)</source>
        <translation>对象…（未填）</translation>
    </message>
    <message>
        <source>Who it was with: the business, the courier company, an agency…</source>
        <translation>与谁进行：经营者、快递公司、有关机构……</translation>
    </message>
    <message>
        <source>Internal / not said</source>
        <translation>内部/不明</translation>
    </message>
    <message>
        <source>Who spoke to whom, between our side and the one it was with: our demand to the business, or its agreeing to perform, interrupts the limitation period; its refusal does not</source>
        <translation>谁向谁说（我方与事件对象之间）：我方向经营者提出履行请求，或经营者同意履行，诉讼时效中断；经营者拒绝的，不中断</translation>
    </message>
    <message>
        <source>Their reference (工单号/受理号)</source>
        <translation>对方编号（工单号/受理号）</translation>
    </message>
    <message>
        <source>The number the other side gave it: ticket, complaint or acceptance number</source>
        <translation>对方给出的编号：工单号、投诉编号或受理号</translation>
    </message>
    <message>
        <source>When it happened (not when it is entered)</source>
        <translation>事情发生的时间（不是录入的时间）</translation>
    </message>
    <message>
        <source>Date only</source>
        <translation>只知日期</translation>
    </message>
    <message>
        <source>Only the day is known, not the hour: the event is kept as a date alone</source>
        <translation>只记得是哪一天、不记得几点：事件只记日期</translation>
    </message>
    <message>
        <source>What happened (Enter adds it)</source>
        <translation>发生了什么（回车添加）</translation>
    </message>
    <message>
        <source>What was decided or agreed (if anything)</source>
        <translation>决定或约定的内容（如有）</translation>
    </message>
    <message>
        <source>Exhibits, e.g. 1,3</source>
        <translation>相关证据，如 1,3</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>添加事件</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Put the selected event in the row below to correct it</source>
        <translation>把所选记录放到下面一行修改</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Take the selected event out of the timeline (the custody log keeps it)</source>
        <translation>从时间线中删除所选记录（保管日志仍保留原记录）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>exhibit %1</source>
        <translation>案卷编号%1</translation>
    </message>
    <message>
        <source>exhibit %1, withdrawn</source>
        <translation>证据 %1（已撤回）</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>对象：%1</translation>
    </message>
    <message>
        <source>with: not said</source>
        <translation>对象：未填</translation>
    </message>
    <message>
        <source>ref. %1</source>
        <translation>编号：%1</translation>
    </message>
    <message>
        <source>Decided: %1</source>
        <translation>决定：%1</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>(entered %1)</source>
        <translation>（%1 录入）</translation>
    </message>
    <message>
        <source>Double-click to open the exhibit</source>
        <translation>双击打开该证据</translation>
    </message>
    <message>
        <source>Remove event</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>Why is this event taken out? (the custody log keeps it)</source>
        <translation>为什么删除这条记录？（保管日志仍保留原记录）</translation>
    </message>
    <message>
        <source>Removing an event needs a reason</source>
        <translation>删除记录须写明理由</translation>
    </message>
    <message>
        <source>Exhibits: write numbers separated by commas</source>
        <translation>相关证据：请填写以逗号分隔的编号</translation>
    </message>
    <message>
        <source>Exhibit %1 was withdrawn: no packet prints it, so the event cannot cite it</source>
        <translation>证据 %1 已撤回：材料包不会收录它，事件不能再引用</translation>
    </message>
</context>
<context>
    <name>TranscriptDialog</name>
    <message>
        <source>Transcript of exhibit %1</source>
        <translation>录音文字整理（案卷编号%1）</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>录制人</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>录制设备</translation>
    </message>
    <message>
        <source>Place or call (numbers)</source>
        <translation>地点或通话方式（号码）</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Participants, one a line, with how each was identified</source>
        <translation>参与人（每行一人，注明身份识别方式）</translation>
    </message>
    <message>
        <source>Transcribed by</source>
        <translation>整理人</translation>
    </message>
    <message>
        <source>The person who recorded took part in the conversation</source>
        <translation>录制人本人为对话一方</translation>
    </message>
    <message>
        <source>Insert time (Ctrl+T)</source>
        <translation>插入时间（Ctrl+T）</translation>
    </message>
    <message>
        <source>Play the recording…</source>
        <translation>播放录音…</translation>
    </message>
    <message>
        <source>One utterance a line: 00:01:23 张三：what was said, word for word. Start a line with * to mark a key passage.</source>
        <translation>每行一句：00:01:23 张三：逐字记录的原话。行首加 * 标记重点内容。</translation>
    </message>
</context>
<context>
    <name>UnreachableDialog</name>
    <message>
        <source>The team library cannot be reached</source>
        <translation>无法连接团队库</translation>
    </message>
    <message>
        <source>Try again once the server is back, or work on the library on this computer for now (the team library&apos;s cases are not there).</source>
        <translation>请在服务器恢复后重试，或者暂时使用本机案卷库（其中没有团队库的案件）。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Use the library on this computer</source>
        <translation>使用本机案卷库</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>VerifyResultsDialog</name>
    <message>
        <source>Verification results</source>
        <translation>核验结果</translation>
    </message>
    <message>
        <source>Copy the list</source>
        <translation>复制清单</translation>
    </message>
    <message>
        <source>Repair…</source>
        <translation>修复…</translation>
    </message>
    <message>
        <source>Rebuild a damaged record from its custody log, write README.txt again, and record generated bundles that are missing or altered as lost (an altered one is moved to set-aside/ in the case folder). Evidence files are never changed. Everything done is recorded in the custody log.</source>
        <translation>根据保管记录重建损坏的案件记录，重新写入 README.txt，并将缺失或被改动的生成证据材料记为遗失（被改动的文件移到案件文件夹的 set-aside/ 中）。证据文件不会被改动，所做的一切都记入保管记录。</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 cases.</source>
        <translation>已取消：共 %2 个案件，已核验 %1 个。</translation>
    </message>
    <message>
        <source>Case %1 is intact.</source>
        <translation>案件 %1 完好。</translation>
    </message>
    <message>
        <source>Case %1 has problems.</source>
        <translation>案件 %1 有问题。</translation>
    </message>
    <message>
        <source>All %1 cases are intact.</source>
        <translation>%1 个案件全部完好。</translation>
    </message>
    <message>
        <source>%1 of %2 cases have problems.</source>
        <translation>%2 个案件中有 %1 个有问题。</translation>
    </message>
    <message>
        <source>%1 cases intact, %2 with problems</source>
        <translation>%1 个案件完好，%2 个有问题</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>%1 (%2 cases)</source>
        <translation>%1（%2 个案件）</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Walk-in complaint</source>
        <translation>到店投诉登记</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile 13812345678 or landline 010-12345678</source>
        <translation>手机 13812345678 或座机 010-12345678</translation>
    </message>
    <message>
        <source>What was bought, e.g. phone, washing machine, haircut</source>
        <translation>购买的商品或服务，如手机、洗衣机、理发</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>Order or receipt number</source>
        <translation>订单号或小票号</translation>
    </message>
    <message>
        <source>Amount paid, ¥</source>
        <translation>实付金额（元）</translation>
    </message>
    <message>
        <source>When, where, who, what happened, in the customer&apos;s words (Tab moves on)</source>
        <translation>时间、地点、人物、经过，按顾客的陈述记录（Tab 键跳到下一项）</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Apology</source>
        <translation>赔礼道歉</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>赔偿</translation>
    </message>
    <message>
        <source>Amount asked, ¥ (optional)</source>
        <translation>要求金额（元，可不填）</translation>
    </message>
    <message>
        <source>&amp;Add photos…</source>
        <translation>添加照片(&amp;A)…</translation>
    </message>
    <message>
        <source>From &amp;phone folder…</source>
        <translation>从手机同步文件夹(&amp;P)…</translation>
    </message>
    <message>
        <source>Choose the folder the phone syncs photos to</source>
        <translation>选择手机同步照片的文件夹</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>80 mm receipt printer</source>
        <translation>80 毫米小票打印机</translation>
    </message>
    <message>
        <source>Register and print receipt</source>
        <translation>登记并打印回执</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Register and save receipt PDF</source>
        <translation>登记并保存回执 PDF</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Customer &amp;name</source>
        <translation>顾客姓名(&amp;N)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Bought on</source>
        <translation>购买日期(&amp;B)</translation>
    </message>
    <message>
        <source>Pro&amp;duct</source>
        <translation>商品/服务(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Order / receipt no.</source>
        <translation>订单号/小票号(&amp;O)</translation>
    </message>
    <message>
        <source>A&amp;mount</source>
        <translation>金额(&amp;M)</translation>
    </message>
    <message>
        <source>What went &amp;wrong</source>
        <translation>问题简述(&amp;W)</translation>
    </message>
    <message>
        <source>Case &amp;type</source>
        <translation>投诉类型(&amp;T)</translation>
    </message>
    <message>
        <source>Customer wan&amp;ts</source>
        <translation>顾客诉求(&amp;S)</translation>
    </message>
    <message>
        <source>Pr&amp;iority</source>
        <translation>优先级(&amp;I)</translation>
    </message>
    <message>
        <source>Stop registering? Case %1 would stay without its receipt.</source>
        <translation>要停止登记吗？案件 %1 将没有回执。</translation>
    </message>
    <message>
        <source>Stop registering? The customer would get no receipt.</source>
        <translation>要停止登记吗？顾客将拿不到回执。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Keep registering</source>
        <translation>继续登记</translation>
    </message>
    <message>
        <source>The store&apos;s own photos, added as evidence. Delete removes the selected ones.</source>
        <translation>本店拍摄的照片，作为证据加入。按 Delete 移除所选照片。</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Kept or returned</source>
        <translation>留存/退回</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>What the customer handed in, photographed or not: each is listed on the receipt, kept or returned</source>
        <translation>顾客交来的材料（无论是否拍照）：每项都列在回执上，并注明留存或退回</translation>
    </message>
    <message>
        <source>Add &amp;line</source>
        <translation>添加一项(&amp;L)</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>移除此项</translation>
    </message>
    <message>
        <source>Our photos</source>
        <translation>本店拍摄</translation>
    </message>
    <message>
        <source>Hand&amp;ed in</source>
        <translation>收取材料(&amp;E)</translation>
    </message>
    <message>
        <source>Reply by %1 (within %2 h)</source>
        <translation>请于 %1 前答复（%2 小时内）</translation>
    </message>
    <message>
        <source>Not a phone number: a mobile has 11 digits (13812345678), a landline its area code (010-12345678).</source>
        <translation>电话号码无效：手机号为 11 位（13812345678），座机须带区号（010-12345678）。</translation>
    </message>
    <message>
        <source>Not an amount: yuan with at most two decimals, e.g. 1299 or 1299.50.</source>
        <translation>金额无效：以元为单位，最多两位小数，如 1299 或 1299.50。</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>The store&apos;s photo of it, if it was photographed</source>
        <translation>本店为其拍摄的照片（如有）</translation>
    </message>
    <message>
        <source>Noti&amp;ced on</source>
        <translation>发现问题日期(&amp;C)</translation>
    </message>
    <message>
        <source>%1: empty (0 bytes), not added; wait for the phone to finish sending it, or take the photo again</source>
        <translation>%1 是空文件（0 字节），未添加；请等手机传完，或重新拍照</translation>
    </message>
    <message>
        <source>%1: incomplete, it does not open as a picture; not added: wait for the phone to finish sending it, or take the photo again</source>
        <translation>%1 不完整，无法作为图片打开，未添加：请等手机传完，或重新拍照</translation>
    </message>
    <message>
        <source>%1: not a picture, whatever its name says; not added</source>
        <translation>%1 不是图片（与文件名不符），未添加</translation>
    </message>
    <message>
        <source>Not photographed</source>
        <translation>未拍照</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Images (%1);;All files (*)</source>
        <translation>图片 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Folder the phone syncs photos to</source>
        <translation>手机同步照片的文件夹</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 个文件</translation>
    </message>
    <message>
        <source>phone folder: %1</source>
        <translation>手机文件夹：%1</translation>
    </message>
    <message>
        <source>drop files here; … chooses the phone-sync folder</source>
        <translation>可将文件拖放到这里；“…”选择手机同步文件夹</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>请填写顾客姓名。</translation>
    </message>
    <message>
        <source>Enter a phone number to reach the customer.</source>
        <translation>请填写顾客的联系电话。</translation>
    </message>
    <message>
        <source>Say what went wrong: the receipt tells the customer what the complaint is.</source>
        <translation>请填写问题简述：回执要向顾客写明投诉内容。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Walk-in complaint from %1</source>
        <translation>%1 到店投诉</translation>
    </message>
    <message>
        <source>Registering the case…</source>
        <translation>正在登记案件…</translation>
    </message>
    <message>
        <source>Adding photos…</source>
        <translation>正在添加照片…</translation>
    </message>
    <message>
        <source>Making the receipt…</source>
        <translation>正在生成回执…</translation>
    </message>
    <message>
        <source>Case %1 was created but is not complete; registering again completes it.</source>
        <translation>案件 %1 已建立但尚不完整；再次登记即可补全。</translation>
    </message>
    <message>
        <source>Nothing was registered.</source>
        <translation>未登记任何内容。</translation>
    </message>
    <message>
        <source>Case %1 is registered, but these files were not added:</source>
        <translation>案件 %1 已登记，但以下文件未能添加：</translation>
    </message>
    <message>
        <source>No program to open PDF files was found. The receipt is saved at:
%1</source>
        <translation>没有找到可以打开 PDF 的程序。回执已保存在：
%1</translation>
    </message>
    <message>
        <source>Save receipt PDF</source>
        <translation>保存回执 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Case %1 was created but its photos or receipt are missing. Close anyway?</source>
        <translation>案件 %1 已建立，但照片或回执缺失。仍要关闭吗？</translation>
    </message>
    <message>
        <source>Discard this complaint? Nothing has been registered.</source>
        <translation>放弃这次登记吗？尚未登记任何内容。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Keep typing</source>
        <translation>继续填写</translation>
    </message>
</context>
<context>
    <name>WatchMenu</name>
    <message>
        <source>No case selected</source>
        <translation>未选择案件</translation>
    </message>
    <message>
        <source>Open this case&apos;s inbox</source>
        <translation>打开本案件的收件箱</translation>
    </message>
    <message>
        <source>Attach a folder…</source>
        <translation>关联文件夹…</translation>
    </message>
    <message>
        <source>Detach %1</source>
        <translation>取消关联 %1</translation>
    </message>
    <message>
        <source>(checked by polling)</source>
        <translation>（定时检查）</translation>
    </message>
    <message>
        <source>Refused links still in the watched folders</source>
        <translation>监视文件夹中仍有的被拒绝链接</translation>
    </message>
    <message>
        <source>%1 → %2 (reported %3): %4</source>
        <translation>%1 → %2（%3 已报告）：%4</translation>
    </message>
    <message>
        <source>The folder %1 could not be opened.</source>
        <translation>无法打开文件夹 %1。</translation>
    </message>
    <message>
        <source>Choose a folder to watch for case %1</source>
        <translation>选择要为案件 %1 监视的文件夹</translation>
    </message>
    <message>
        <source>Attach a folder</source>
        <translation>关联文件夹</translation>
    </message>
    <message>
        <source>Is this folder on a network share or another computer?

If it is, CaseFile looks into it every few seconds instead of waiting to be told about new files.</source>
        <translation>此文件夹是否位于网络共享或其他电脑上？

如果是，CaseFile 将每隔几秒检查一次，而不是等待系统通知新文件。</translation>
    </message>
    <message>
        <source>%1 is a whole drive or your home folder.

Every file at its top would become evidence of case %2 and be moved out of it. A folder to attach is the one a phone, scanner or screenshot tool saves into.

Attach %1 all the same?</source>
        <translation>%1 是整个磁盘或您的个人主文件夹。

其中最上层的每个文件都会成为案件 %2 的证据，并被移出该文件夹。应关联的是手机同步、扫描仪或截图工具保存文件的那个文件夹。

仍要关联 %1 吗？</translation>
    </message>
    <message>
        <source>New files in %1 are now added to case %2, then deleted from the folder.</source>
        <translation>%1 中的新文件将添加到案件 %2，随后从该文件夹删除。</translation>
    </message>
    <message>
        <source>New files in %1 are now added to case %2, then moved to its .ingested subfolder.</source>
        <translation>%1 中的新文件将添加到案件 %2，随后移入其 .ingested 子文件夹。</translation>
    </message>
    <message>
        <source>%1 is no longer watched.</source>
        <translation>已停止监视 %1。</translation>
    </message>
</context>
<context>
    <name>WelcomePane</name>
    <message>
        <source>Welcome to CaseFile</source>
        <translation>欢迎使用 CaseFile</translation>
    </message>
    <message>
        <source>The library has no cases yet. Start one of three ways:</source>
        <translation>案卷库中还没有案件。可从以下三种方式开始：</translation>
    </message>
    <message>
        <source>No case is open</source>
        <translation>未打开案件</translation>
    </message>
    <message>
        <source>Choose a case in the list, or start a new one:</source>
        <translation>请在左侧列表中选择案件，或新建：</translation>
    </message>
    <message>
        <source>New case… (Ctrl+N)</source>
        <translation>新建案件…（Ctrl+N）</translation>
    </message>
    <message>
        <source>A complaint by phone, online, by email or on social media: the form asks what its type needs.</source>
        <translation>电话、网络、邮件或社交媒体投诉：表单按案件类型列出需要填写的内容。</translation>
    </message>
    <message>
        <source>Walk-in complaint… (Ctrl+Shift+N)</source>
        <translation>到店登记…（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <source>A customer at the counter: register with photos and hand over a receipt.</source>
        <translation>顾客到店：登记、附照片并当场出具回执。</translation>
    </message>
    <message>
        <source>Import a case archive…</source>
        <translation>导入案卷…</translation>
    </message>
    <message>
        <source>A case exported from another CaseFile (ZIP), checked before it is added.</source>
        <translation>从其他 CaseFile 导出的案卷（ZIP），导入前先核验。</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Overview</source>
        <extracomment>Where the overview edits each case detail search looks in (casefile.core.search.CASE_FIELDS).</extracomment>
        <translation>概况</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>Edits not saved yet: Ctrl+S saves them</source>
        <translation>有未保存的修改：按 Ctrl+S 保存</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>{name}: the archive name must end in .zip</source>
        <translation>{name}：归档文件名必须以 .zip 结尾</translation>
    </message>
    <message>
        <source>{destination} already exists; choose another name</source>
        <translation>{destination} 已存在，请换一个名称</translation>
    </message>
    <message>
        <source>the folder {parent} does not exist</source>
        <translation>文件夹 {parent} 不存在</translation>
    </message>
    <message>
        <source>case {number} does not verify; fix it before exporting: {summary}</source>
        <translation>案件 {number} 核验未通过，请先处理再导出：{summary}</translation>
    </message>
    <message>
        <source>the archive must hold exactly one case folder</source>
        <translation>归档中必须恰好包含一个案件文件夹</translation>
    </message>
    <message>
        <source>{number!r} is not a case folder (expected a case number such as 202611-001)</source>
        <translation>{number!r} 不是案件文件夹（应为 202611-001 这样的案件编号）</translation>
    </message>
    <message>
        <source>the archive has no case.json; it is not a CaseFile case</source>
        <translation>归档中没有 case.json，不是 CaseFile 案件</translation>
    </message>
    <message>
        <source>{name}: encrypted entries are not accepted</source>
        <translation>{name}：不接受加密条目</translation>
    </message>
    <message>
        <source>{name}: the archive contains a link; refused</source>
        <translation>{name}：归档中含有链接，已拒绝</translation>
    </message>
    <message>
        <source>{name}: absolute or Windows-style path; refused</source>
        <translation>{name}：绝对路径或 Windows 式路径，已拒绝</translation>
    </message>
    <message>
        <source>{name}: path escapes the case folder; refused</source>
        <translation>{name}：路径超出案件文件夹，已拒绝</translation>
    </message>
    <message>
        <source>{name!r}: control characters in a name; refused</source>
        <translation>{name!r}：名称中含有控制字符，已拒绝</translation>
    </message>
    <message>
        <source>{name}: the archive holds this entry twice; refused</source>
        <translation>{name}：归档中此条目重复，已拒绝</translation>
    </message>
    <message>
        <source>{name}: not a regular file; refused</source>
        <translation>{name}：不是普通文件，已拒绝</translation>
    </message>
    <message>
        <source>{name}: file outside the case folder; refused</source>
        <translation>{name}：文件在案件文件夹之外，已拒绝</translation>
    </message>
    <message>
        <source>{name}: not part of a case folder (unexpected or hidden entry); refused</source>
        <translation>{name}：不属于案件文件夹（多余或隐藏的条目），已拒绝</translation>
    </message>
    <message>
        <source>{archive} does not exist</source>
        <translation>{archive} 不存在</translation>
    </message>
    <message>
        <source>{name} is not a readable ZIP archive ({exc})</source>
        <translation>{name} 不是可读取的 ZIP 归档（{exc}）</translation>
    </message>
    <message>
        <source>case {number} is already in this library; nothing was imported</source>
        <translation>案件 {number} 已在本案卷库中，未导入任何内容</translation>
    </message>
    <message>
        <source>the archive needs {total} bytes but only {free} are free; nothing was imported</source>
        <translation>归档需要 {total} 字节，但只剩 {free} 字节可用，未导入任何内容</translation>
    </message>
    <message>
        <source>writing {name}</source>
        <translation>写入 {name}</translation>
    </message>
    <message>
        <source>the archive does not verify; nothing was imported: {summary}</source>
        <translation>归档核验未通过，未导入任何内容：{summary}</translation>
    </message>
    <message>
        <source>the library</source>
        <translation>案卷库</translation>
    </message>
    <message>
        <source>importing {name}</source>
        <translation>导入 {name}</translation>
    </message>
    <message>
        <source>{output}: the output name must end in .pdf</source>
        <translation>{output}：输出文件名必须以 .pdf 结尾</translation>
    </message>
    <message>
        <source>an exhibit is listed twice in --exhibits</source>
        <translation>--exhibits 中有证据重复列出</translation>
    </message>
    <message>
        <source>exhibit {number} was withdrawn ({withdraw_reason}); it cannot go in</source>
        <translation>案卷编号{number}的证据已撤回（{withdraw_reason}），不能编入</translation>
    </message>
    <message>
        <source>unknown receipt layout {layout!r} (use {choices})</source>
        <translation>未知的回执版式 {layout!r}（可用：{choices}）</translation>
    </message>
    <message>
        <source>saving the bundle</source>
        <translation>保存证据材料</translation>
    </message>
    <message>
        <source>case {case} has no exhibit {number}</source>
        <translation>案件 {case} 没有案卷编号为 {number} 的证据</translation>
    </message>
    <message>
        <source>{filename} is too large for a case record; nothing was imported</source>
        <translation>{filename} 过大，不是案件记录；未导入任何内容</translation>
    </message>
    <message>
        <source>the archive has no custody log {name}; nothing was imported</source>
        <translation>压缩包中没有保管记录 {name}；未导入任何内容</translation>
    </message>
    <message>
        <source>the export was not recorded in the case: the library is read-only</source>
        <translation>本次导出未记入案件：案卷库为只读</translation>
    </message>
    <message>
        <source>the archive&apos;s custody log cannot be replayed ({exc}); nothing was imported</source>
        <translation>压缩包中的保管记录无法回放（{exc}）；未导入任何内容</translation>
    </message>
    <message>
        <source>{filename} is not a file the case&apos;s custody log records; nothing was imported</source>
        <translation>{filename} 不是该案保管记录中登记的文件；未导入任何内容</translation>
    </message>
    <message>
        <source>{filename} declares {declared} bytes but the custody log records {expected}; nothing was imported</source>
        <translation>{filename} 声明大小为 {declared} 字节，但保管记录登记为 {expected} 字节；未导入任何内容</translation>
    </message>
    <message>
        <source>{filename} holds more than the {size} bytes the archive declares for it; nothing was imported</source>
        <translation>{filename} 的实际内容超过压缩包为其声明的 {size} 字节；未导入任何内容</translation>
    </message>
    <message>
        <source>{filename} is damaged in the archive ({exc}); nothing was imported</source>
        <translation>压缩包中的 {filename} 已损坏（{exc}）；未导入任何内容</translation>
    </message>
    <message>
        <source>{filename} is compressed with a method CaseFile cannot read ({exc}); nothing was imported</source>
        <translation>{filename} 使用了 CaseFile 无法读取的压缩方式（{exc}）；未导入任何内容</translation>
    </message>
    <message>
        <source>{filename}: size does not match the archive directory; nothing was imported</source>
        <translation>{filename}：大小与压缩包目录不符；未导入任何内容</translation>
    </message>
    <message>
        <source>writing {target}</source>
        <translation>写入 {target}</translation>
    </message>
    <message>
        <source>{year}-{month:02d}-{day:02d}</source>
        <translation>{year}年{month}月{day}日</translation>
    </message>
    <message>
        <source>writing the custody log</source>
        <translation>写入保管记录</translation>
    </message>
    <message>
        <source>custody log CUSTODY.jsonl is missing</source>
        <translation>保管记录 CUSTODY.jsonl 缺失</translation>
    </message>
    <message>
        <source>custody log line {lineno} has sequence number {seq} (an entry was removed or inserted)</source>
        <translation>保管记录第 {lineno} 行的序号为 {seq}（有条目被删除或插入）</translation>
    </message>
    <message>
        <source>custody log entry {seq} was altered (its hash does not match its content)</source>
        <translation>保管记录第 {seq} 条被改动（哈希值与内容不符）</translation>
    </message>
    <message>
        <source>custody log entry {seq} does not follow the entry before it (the chain is broken)</source>
        <translation>保管记录第 {seq} 条与前一条接不上（哈希链断裂）</translation>
    </message>
    <message>
        <source>custody log line {lineno} is not a valid entry</source>
        <translation>保管记录第 {lineno} 行不是有效条目</translation>
    </message>
    <message>
        <source>case {number} is damaged ({reason}); it was left untouched — run &apos;casefile verify {number}&apos; and keep the folder as it is (&apos;casefile repair {number}&apos; rebuilds its record when the custody log is whole)</source>
        <translation>案件 {number} 已损坏（{reason}），已保持原状——请运行“casefile verify {number}”并保持该文件夹原样（保管记录完整时，“casefile repair {number}”可重建案件记录）</translation>
    </message>
    <message>
        <source>a system pseudo-file, not a file that can be evidence</source>
        <translation>系统伪文件，不能作为证据</translation>
    </message>
    <message>
        <source>a system folder of pseudo-files (/proc, /sys or /dev), not a folder of evidence</source>
        <translation>系统伪文件所在的文件夹（/proc、/sys 或 /dev），不是证据文件夹</translation>
    </message>
    <message>
        <source>a file of the CaseFile library itself, not a file that can be evidence</source>
        <translation>CaseFile 案卷库自身的文件，不能作为证据</translation>
    </message>
    <message>
        <source>this folder contains the CaseFile library ({library}); choose the folder that holds the evidence</source>
        <translation>此文件夹包含 CaseFile 案卷库（{library}）；请选择存放证据的文件夹</translation>
    </message>
    <message>
        <source>this folder is part of the CaseFile library; add files from outside it (files put in a case&apos;s inbox are added by &apos;casefile watch&apos;)</source>
        <translation>此文件夹属于 CaseFile 案卷库；请添加案卷库以外的文件（放入案件收件箱 inbox 的文件由“casefile watch”自动添加）</translation>
    </message>
    <message>
        <source>not a regular file (a device, pipe or socket cannot be evidence)</source>
        <translation>不是普通文件（设备、管道或套接字不能作为证据）</translation>
    </message>
    <message>
        <source>the file disappeared before it could be read</source>
        <translation>文件在读取前已消失</translation>
    </message>
    <message>
        <source>cannot be read: permission denied</source>
        <translation>无法读取：没有权限</translation>
    </message>
    <message>
        <source>cannot be read: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <source>the file changed while it was being read; nothing was added — add it again once it is complete</source>
        <translation>读取时文件发生了变化，未添加——请等文件完整后再添加</translation>
    </message>
    <message>
        <source>adding {name}</source>
        <translation>添加 {name}</translation>
    </message>
    <message>
        <source>folder cannot be read: {reason}</source>
        <translation>文件夹无法读取：{reason}</translation>
    </message>
    <message>
        <source>hidden or system file</source>
        <translation>隐藏文件或系统文件</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>this folder is the CaseFile library; it cannot be evidence</source>
        <translation>此文件夹就是 CaseFile 案卷库，不能作为证据</translation>
    </message>
    <message>
        <source>directory loop (this folder was already visited)</source>
        <translation>目录循环（此文件夹已访问过）</translation>
    </message>
    <message>
        <source>the file has changed since it was added; run verify</source>
        <translation>文件在加入案件后已被改动，请执行“核验”</translation>
    </message>
    <message>
        <source>symbolic link to nothing (broken link)</source>
        <translation>指向不存在目标的符号链接（失效链接）</translation>
    </message>
    <message>
        <source>symbolic link pointing outside the chosen folder ({target})</source>
        <translation>符号链接指向所选文件夹之外（{target}）</translation>
    </message>
    <message>
        <source>{what} failed: {reason}</source>
        <translation>{what}失败：{reason}</translation>
    </message>
    <message>
        <source>the disk is full while {what}; nothing was changed</source>
        <translation>{what}时磁盘已满，未做任何改动</translation>
    </message>
    <message>
        <source>permission denied while {what}: {filename}</source>
        <translation>{what}时没有权限：{filename}</translation>
    </message>
    <message>
        <source>the disk is read-only while {what}</source>
        <translation>{what}时磁盘为只读</translation>
    </message>
    <message>
        <source>writing the library index {path} failed: {reason}</source>
        <translation>写入案卷库索引 {path} 失败：{reason}</translation>
    </message>
    <message>
        <source>the library index was written by a newer CaseFile (schema {version}); please upgrade</source>
        <translation>案卷库索引由更新版本的 CaseFile 写入（结构版本 {version}），请升级</translation>
    </message>
    <message>
        <source>cannot open the library index {path}: {orig}</source>
        <translation>无法打开案卷库索引 {path}：{orig}</translation>
    </message>
    <message>
        <source>no exhibit {numbers} in case {case}</source>
        <translation>案件 {case} 中没有案卷编号为 {numbers} 的证据</translation>
    </message>
    <message>
        <source>a withdrawal needs a reason</source>
        <translation>撤回证据需要填写理由</translation>
    </message>
    <message>
        <source>exhibit {number} is already withdrawn</source>
        <translation>案卷编号{number}的证据已撤回</translation>
    </message>
    <message>
        <source>a new order must list every exhibit exactly once</source>
        <translation>新的排序必须列出每份证据且只列一次</translation>
    </message>
    <message>
        <source>cannot change {fields} of an exhibit</source>
        <translation>不能修改证据的 {fields}</translation>
    </message>
    <message>
        <source>{number!r} is not a case number (expected YYYYMM-NNN, e.g. 202611-001)</source>
        <translation>{number!r} 不是案件编号（格式为 YYYYMM-NNN，如 202611-001）</translation>
    </message>
    <message>
        <source>no case {number} in the library at {root}</source>
        <translation>案卷库 {root} 中没有案件 {number}</translation>
    </message>
    <message>
        <source>the library file {marker}</source>
        <translation>案卷库文件 {marker}</translation>
    </message>
    <message>
        <source>it no longer contains the entry case.json recorded last</source>
        <translation>其中已没有 case.json 最后记录的条目</translation>
    </message>
    <message>
        <source>case {number}: case.json is missing</source>
        <translation>案件 {number}：case.json 缺失</translation>
    </message>
    <message>
        <source>case {number}: case.json cannot be read ({exc})</source>
        <translation>案件 {number}：case.json 无法读取（{exc}）</translation>
    </message>
    <message>
        <source>no CaseFile library at {root}</source>
        <translation>{root} 处没有 CaseFile 案卷库</translation>
    </message>
    <message>
        <source>{root} is not empty and is not a CaseFile library; choose an empty folder</source>
        <translation>{root} 不是空文件夹，也不是 CaseFile 案卷库，请选择一个空文件夹</translation>
    </message>
    <message>
        <source>the library at {root} was written by a newer CaseFile; please upgrade</source>
        <translation>{root} 处的案卷库由更新版本的 CaseFile 写入，请升级</translation>
    </message>
    <message>
        <source>{what} is in use by another CaseFile window or command; try again</source>
        <translation>{what} 正被另一个 CaseFile 窗口或命令使用，请稍后再试</translation>
    </message>
    <message>
        <source>case {number}</source>
        <translation>案件 {number}</translation>
    </message>
    <message>
        <source>{marker} cannot be read: {exc}</source>
        <translation>{marker} 无法读取：{exc}</translation>
    </message>
    <message>
        <source>opening the library index {path}</source>
        <translation>打开案卷库索引 {path}</translation>
    </message>
    <message>
        <source>{marker} is damaged: it should hold a JSON object with the library&apos;s format and version</source>
        <translation>{marker} 已损坏：其内容应为记载案卷库格式和版本的 JSON 对象</translation>
    </message>
    <message>
        <source>{marker} is damaged: its version {version!r} is not a whole number</source>
        <translation>{marker} 已损坏：其中的版本 {version!r} 不是整数</translation>
    </message>
    <message>
        <source>creating the library at {root}</source>
        <translation>在 {root} 创建案卷库</translation>
    </message>
    <message>
        <source>creating {folder}</source>
        <translation>创建 {folder}</translation>
    </message>
    <message>
        <source>creating {what}</source>
        <translation>创建{what}</translation>
    </message>
    <message>
        <source>creating the case folder</source>
        <translation>创建案件文件夹</translation>
    </message>
    <message>
        <source>MANIFEST.sha256 is missing</source>
        <translation>MANIFEST.sha256 缺失</translation>
    </message>
    <message>
        <source>manifest line {lineno} is not in sha256sum format</source>
        <translation>清单第 {lineno} 行不是 sha256sum 格式</translation>
    </message>
    <message>
        <source>manifest lists {name} twice</source>
        <translation>清单中 {name} 出现两次</translation>
    </message>
    <message>
        <source>the manifest is not valid UTF-8 text</source>
        <translation>清单不是有效的 UTF-8 文本</translation>
    </message>
    <message>
        <source>not a CaseFile case record</source>
        <translation>不是 CaseFile 案件记录</translation>
    </message>
    <message>
        <source>{where}: expected an amount such as 1299.00</source>
        <translation>{where}：应为金额，如 1299.00</translation>
    </message>
    <message>
        <source>{where}: {value!r} must be zero or more</source>
        <translation>{where}：{value!r} 不能小于零</translation>
    </message>
    <message>
        <source>{where}: {value!r} has more than two decimals</source>
        <translation>{where}：{value!r} 超过两位小数</translation>
    </message>
    <message>
        <source>{where}: expected a list</source>
        <translation>{where}：应为列表</translation>
    </message>
    <message>
        <source>{where}: expected an object</source>
        <translation>{where}：应为对象</translation>
    </message>
    <message>
        <source>{where}: expected true or false</source>
        <translation>{where}：应为 true 或 false</translation>
    </message>
    <message>
        <source>{where}: expected a whole number</source>
        <translation>{where}：应为整数</translation>
    </message>
    <message>
        <source>{where}: expected text</source>
        <translation>{where}：应为文本</translation>
    </message>
    <message>
        <source>{where}: expected an ISO 8601 time</source>
        <translation>{where}：应为 ISO 8601 时间</translation>
    </message>
    <message>
        <source>{where}: {value!r} is not an amount (e.g. 1299.00)</source>
        <translation>{where}：{value!r} 不是金额（如 1299.00）</translation>
    </message>
    <message>
        <source>{where}: {exc}</source>
        <translation>{where}：{exc}</translation>
    </message>
    <message>
        <source>{where}: unknown value {value!r}</source>
        <translation>{where}：未知的值 {value!r}</translation>
    </message>
    <message>
        <source>{where}: {value!r} is not a time (use e.g. 2026-11-23T14:30 or 2026-11-23 14:30+08:00)</source>
        <translation>{where}：{value!r} 不是时间（如 2026-11-23T14:30 或 2026-11-23 14:30+08:00）</translation>
    </message>
    <message>
        <source>the custody log does not start with the creation of the case</source>
        <translation>保管记录不是以创建案件开头</translation>
    </message>
    <message>
        <source>the custody log is empty</source>
        <translation>保管记录为空</translation>
    </message>
    <message>
        <source>unknown agreement status {status!r} (use invalid, waived or in-force)</source>
        <translation>未知的仲裁协议状态 {status!r}（可用 invalid、waived 或 in-force）</translation>
    </message>
    <message>
        <source>say why the arbitration agreement is {status} (--reason)</source>
        <translation>请说明仲裁协议为何标记为 {status}（--reason）</translation>
    </message>
    <message>
        <source>exhibit {number} is a {kind}, not an arbitration agreement</source>
        <translation>案卷编号{number}的证据是 {kind}，不是仲裁协议</translation>
    </message>
    <message>
        <source>exhibit {number} was withdrawn; it cannot be marked</source>
        <translation>案卷编号{number}的证据已撤回，不能标记</translation>
    </message>
    <message>
        <source>{output}: there is no folder {folder} to put the copy in</source>
        <translation>{output}：文件夹 {folder} 不存在，无法在此保存副本</translation>
    </message>
    <message>
        <source>{output}: a folder has that name; give a file name ending in .pdf</source>
        <translation>{output}：这是一个文件夹的名称，请给出以 .pdf 结尾的文件名</translation>
    </message>
    <message>
        <source>{output}: the folder {folder} cannot be written to</source>
        <translation>{output}：文件夹 {folder} 无法写入</translation>
    </message>
    <message>
        <source>making the pages of exhibit {number}</source>
        <translation>生成案卷编号{number}的证据页面</translation>
    </message>
    <message>
        <source>a redaction needs a reason: what is covered, and why</source>
        <translation>遮盖需要填写理由：遮盖了什么、为什么</translation>
    </message>
    <message>
        <source>exhibit {number} is asked for both as the original and as its redacted copy</source>
        <translation>案卷编号{number}的证据同时被指定使用原件和遮盖件</translation>
    </message>
    <message>
        <source>exhibit {number} was withdrawn ({reason}); a withdrawn exhibit is not redacted</source>
        <translation>案卷编号{number}的证据已撤回（{reason}）；已撤回的证据不能遮盖</translation>
    </message>
    <message>
        <source>exhibit {number} ({name}) is neither a picture nor a PDF; only photos, screenshots and PDFs can be redacted</source>
        <translation>案卷编号{number}的证据（{name}）既不是图片也不是 PDF；只有照片、截图和 PDF 可以遮盖</translation>
    </message>
    <message>
        <source>exhibit {number} was withdrawn; its redacted copy {copy} cannot go in either</source>
        <translation>案卷编号{number}的证据已撤回，其遮盖件（案卷编号{copy}）也不能放入材料</translation>
    </message>
    <message>
        <source>exhibit {number} would go in twice (as itself and as its redacted copy); list one of them</source>
        <translation>案卷编号{number}的证据会出现两次（原件和遮盖件）；请只列其中一个</translation>
    </message>
    <message>
        <source>exhibit {number} is not in this packet</source>
        <translation>案卷编号{number}的证据不在本材料中</translation>
    </message>
    <message>
        <source>exhibit {number} was withdrawn; it cannot go in</source>
        <translation>案卷编号{number}的证据已撤回，不能放入材料</translation>
    </message>
    <message>
        <source>exhibit {number} has no redacted copy; make one first (&apos;casefile redact&apos;)</source>
        <translation>案卷编号{number}的证据没有遮盖件；请先制作（&apos;casefile redact&apos;）</translation>
    </message>
    <message>
        <source>making a redacted copy of exhibit {number}</source>
        <translation>为案卷编号{number}的证据制作遮盖件</translation>
    </message>
    <message>
        <source>the picture cannot be decoded ({reason})</source>
        <translation>图片无法解码（{reason}）</translation>
    </message>
    <message>
        <source>{text!r} is not a box: give X,Y,W,H, e.g. 120,40,300,60</source>
        <translation>{text!r} 不是遮盖框：请写 X,Y,W,H，例如 120,40,300,60</translation>
    </message>
    <message>
        <source>a redaction needs at least one box</source>
        <translation>遮盖至少需要一个遮盖框</translation>
    </message>
    <message>
        <source>page {page} ({width} × {height} points)</source>
        <translation>第{page}页（{width} × {height} 点）</translation>
    </message>
    <message>
        <source>box {box} is not four numbers</source>
        <translation>遮盖框 {box} 不是四个数字</translation>
    </message>
    <message>
        <source>box {box} has no area: its width and height must be more than 0</source>
        <translation>遮盖框 {box} 没有面积：宽和高都必须大于 0</translation>
    </message>
    <message>
        <source>box {box} is not inside {what}</source>
        <translation>遮盖框 {box} 不在{what}之内</translation>
    </message>
    <message>
        <source>box {box}: a picture has no pages; give the box without a page</source>
        <translation>遮盖框 {box}：图片没有页码，请不要指定页码</translation>
    </message>
    <message>
        <source>box {box}: boxes on a picture are in whole pixels</source>
        <translation>遮盖框 {box}：图片上的遮盖框以整像素为单位</translation>
    </message>
    <message>
        <source>the picture ({width} × {height} pixels)</source>
        <translation>图片（{width} × {height} 像素）</translation>
    </message>
    <message>
        <source>box {box}: say which page of the PDF it is on</source>
        <translation>遮盖框 {box}：请指明它在 PDF 的第几页</translation>
    </message>
    <message>
        <source>box {box}: the PDF has no page {page} (it has {pages})</source>
        <translation>遮盖框 {box}：PDF 没有第{page}页（共 {pages} 页）</translation>
    </message>
    <message>
        <source>the picture is too large to redact ({reason})</source>
        <translation>图片过大，无法遮盖（{reason}）</translation>
    </message>
    <message>
        <source>the PDF is encrypted; an encrypted PDF cannot be redacted</source>
        <translation>PDF 已加密；加密的 PDF 不能遮盖</translation>
    </message>
    <message>
        <source>the PDF cannot be read ({reason})</source>
        <translation>PDF 无法读取（{reason}）</translation>
    </message>
    <message>
        <source>the PDF&apos;s page tree is damaged (readers disagree on its pages: {a} or {b}); it cannot be redacted</source>
        <translation>PDF 的页面结构已损坏（读取结果不一致：{a} 页或 {b} 页），无法遮盖</translation>
    </message>
    <message>
        <source>the PDF has no page {page} (it has {pages})</source>
        <translation>PDF 没有第{page}页（共 {pages} 页）</translation>
    </message>
    <message>
        <source>the picture is too large to redact ({width} × {height} pixels; at most {limit} million)</source>
        <translation>图片过大，无法遮盖（{width} × {height} 像素；最多 {limit} 百万像素）</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}；{rest}</translation>
    </message>
    <message>
        <source>{first}
{rest}</source>
        <translation>{first}
{rest}</translation>
    </message>
    <message>
        <source>
(once they are checked, add --force to accept the warnings and build anyway)</source>
        <translation>
（确认无误后可加 --force 忽略警告继续生成）</translation>
    </message>
    <message>
        <source>the bundle was not built:
{findings}{hint}</source>
        <translation>未生成材料：
{findings}{hint}</translation>
    </message>
    <message>
        <source>  [error] {message}</source>
        <translation>  [错误] {message}</translation>
    </message>
    <message>
        <source>  [warning] {message}</source>
        <translation>  [警告] {message}</translation>
    </message>
    <message>
        <source>{exhibits}: made before the purchase ({date}): a photo or video cannot show goods not yet bought. Check that it shows the goods bought this time, and correct the exhibit&apos;s time or the time of purchase</source>
        <translation>{exhibits}的形成时间早于购买时间（{date}）：照片、视频拍不到尚未购买的商品。请核对是否为本次购买的商品，并改正证据的形成时间或购买时间</translation>
    </message>
    <message>
        <source>{exhibits}: made before the goods were received ({date}): check that it was taken after they were received, and correct the exhibit&apos;s time or the time of receipt</source>
        <translation>{exhibits}的形成时间早于收货时间（{date}）：请核对是否为收货后拍摄，并改正证据的形成时间或收货时间</translation>
    </message>
    <message>
        <source>{amount} yuan</source>
        <translation>{amount} 元</translation>
    </message>
    <message>
        <source> (insured: compensation is limited to the insured value, {citation})</source>
        <translation>（已保价，赔偿以保价金额为限（{citation}））</translation>
    </message>
    <message>
        <source>The demands add up to {claimed}, not the {table} the loss table claims{why}: the claim letter states {table} from the loss table; check the amounts demanded, the goods&apos; value, the shipping fee and the insured value</source>
        <translation>索赔请求合计 {claimed}，与损失计算表的请求赔偿金额 {table}不一致{why}：理赔申请书按损失计算表写明 {table}，请核对请求金额、商品价值、运费和保价金额</translation>
    </message>
    <message>
        <source>The refunds asked add up to {total}, more than the {paid} paid, with no basis stated: a refund is limited to the price actually paid; if the rest is compensation (such as the additional compensation of {citation}), list it as a compensation demand and state its basis</source>
        <translation>退款请求合计 {total}，高于实付金额 {paid}，且未写明依据：退款以实际支付的价款为限；超出部分如属赔偿（如{citation}规定的增加赔偿），请列为赔偿请求并写明依据</translation>
    </message>
    <message>
        <source>{exhibits}: the time of recording the transcript gives and the time the recording file records are more than a day apart; check them and correct one</source>
        <translation>{exhibits}：文字整理稿记载的录音时间与录音文件记录的形成时间相差超过一天，请核对后改正其一</translation>
    </message>
    <message>
        <source>{exhibits}: the transcript&apos;s time marks go beyond the recording&apos;s length, so the transcript does not match the recording; correct it against the recording</source>
        <translation>{exhibits}：文字整理稿的时间标记超出录音长度，整理稿与录音不符，请对照录音改正</translation>
    </message>
    <message>
        <source>the transcript says {transcript}, the file {file}</source>
        <translation>整理稿记为{transcript}，文件记录为{file}</translation>
    </message>
    <message>
        <source>time mark {mark}, recording {length} long</source>
        <translation>时间标记{mark}，录音长度{length}</translation>
    </message>
    <message>
        <source>Exhibit {label} (file no. {number})</source>
        <translation>证据{label}（案卷编号{number}）</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}、{rest}</translation>
    </message>
    <message>
        <source>{citation}, the article&apos;s number in an earlier text; the matching article of the text in force is still to be checked</source>
        <translation>{citation}，系旧文本的条文序号，现行文本的对应条文待核对</translation>
    </message>
    <message>
        <source>Exhibit {label} (file no. {number}, {detail})</source>
        <translation>证据{label}（案卷编号{number}，{detail}）</translation>
    </message>
    <message>
        <source>{citation}, the article&apos;s number in the {year} text; the matching article of the text in force is still to be checked</source>
        <translation>{citation}，系{year}年文本的条文序号，现行文本的对应条文待核对</translation>
    </message>
    <message>
        <source>{name}</source>
        <translation>{name}</translation>
    </message>
    <message>
        <source>the file&apos;s metadata shows it was processed or saved again by editing software; the other side may question whether it is the original, so keep the original medium ready</source>
        <translation>文件元数据显示其曾经编辑软件处理或另存，对方可能质疑其原始性，建议准备原始载体</translation>
    </message>
    <message>
        <source>the file is damaged; its content cannot be shown in the packet</source>
        <translation>文件已损坏，无法在材料中显示内容</translation>
    </message>
    <message>
        <source>the file is encrypted; the packet can only hold a page saying so</source>
        <translation>文件已加密，材料中只能附说明页</translation>
    </message>
    <message>
        <source>the file is empty (0 bytes)</source>
        <translation>文件为空（0字节）</translation>
    </message>
    <message>
        <source>the file is incomplete and may have been cut short</source>
        <translation>文件不完整，可能被截断</translation>
    </message>
    <message>
        <source>the file&apos;s extension does not match its content</source>
        <translation>扩展名与内容不符</translation>
    </message>
    <message>
        <source>the file&apos;s format is not recognised</source>
        <translation>无法识别的文件格式</translation>
    </message>
    <message>
        <source>the time the file records it was made is later than the time it was added: the device&apos;s clock may be wrong; check it and correct it in the exhibit&apos;s details</source>
        <translation>文件记录的形成时间晚于导入时间，设备时钟可能有误，请核对后在证据信息中改正</translation>
    </message>
    <message>
        <source>the file&apos;s modification time is far from the time the file records it was made; check when it was made</source>
        <translation>文件修改时间与文件记录的形成时间相差较大，请核对形成时间</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>void</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>waived</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <source>{exhibits}: {problem}</source>
        <translation>{exhibits}：{problem}</translation>
    </message>
    <message>
        <source>{exhibits}: in the evidence group “{group}” but not next to each other in the packet, so the evidence list will list the group in several places. Move the group&apos;s exhibits together in the evidence list</source>
        <translation>{exhibits}同属证据组“{group}”，但在材料中没有排在一起：证据目录将分几处列出该组。请在证据列表中把同组证据移到一起</translation>
    </message>
    <message>
        <source>No evidence at all: the packet will hold the documents only</source>
        <translation>没有任何证据：材料将只有文书，没有证据部分</translation>
    </message>
    <message>
        <source>{exhibits}: no proof purpose filled in</source>
        <translation>{exhibits}没有填写证明目的</translation>
    </message>
    <message>
        <source>{exhibits}: a recording with no transcript yet (in practice a written transcript is usually asked for)</source>
        <translation>{exhibits}是录音/录像，尚无文字整理稿（实务中通常要求附录音文字整理）</translation>
    </message>
    <message>
        <source>{exhibits}: over the volume limit of {limit} MB; it will be a volume of its own</source>
        <translation>{exhibits}超过分册上限 {limit} MB，将单独成册</translation>
    </message>
    <message>
        <source>{exhibits}: in no evidence group while the other exhibits are grouped, so the evidence list will list them apart from the groups. Give them an evidence group</source>
        <translation>{exhibits}没有归入证据组，而其他证据已分组：证据目录将把它们列在各组之外。请为其填写证据组</translation>
    </message>
    <message>
        <source>The complainant&apos;s name is missing ({citation})</source>
        <translation>缺少投诉人姓名（{citation}）</translation>
    </message>
    <message>
        <source>The complainant&apos;s phone number is missing ({citation})</source>
        <translation>缺少投诉人电话号码（{citation}）</translation>
    </message>
    <message>
        <source>The complainant&apos;s postal address is missing ({citation})</source>
        <translation>缺少投诉人通讯地址（{citation}）</translation>
    </message>
    <message>
        <source>The respondent&apos;s name is missing: a complaint must give the respondent&apos;s name and address, and one without them is not accepted ({citation})</source>
        <translation>缺少被投诉人名称：投诉应当提供被投诉人的名称（姓名）、地址，未提供的不予受理（{citation}）</translation>
    </message>
    <message>
        <source>The respondent&apos;s address is missing ({citation})</source>
        <translation>缺少被投诉人地址（{citation}）</translation>
    </message>
    <message>
        <source>No demands filled in: a complaint must make specific demands ({citation})</source>
        <translation>没有填写投诉请求：投诉应当提出具体的投诉请求（{citation}）</translation>
    </message>
    <message>
        <source>The plaintiff&apos;s name is missing ({citation})</source>
        <translation>缺少原告姓名（{citation}）</translation>
    </message>
    <message>
        <source>The applicant&apos;s name is missing ({citation})</source>
        <translation>缺少申请人姓名（{citation}）</translation>
    </message>
    <message>
        <source>The plaintiff&apos;s domicile is missing ({citation})</source>
        <translation>缺少原告住所（{citation}）</translation>
    </message>
    <message>
        <source>The applicant&apos;s domicile is missing ({citation})</source>
        <translation>缺少申请人住所（{citation}）</translation>
    </message>
    <message>
        <source>The defendant&apos;s name is missing: a suit must have a clear defendant ({citation})</source>
        <translation>缺少被告名称：起诉必须有明确的被告（{citation}）</translation>
    </message>
    <message>
        <source>The respondent&apos;s name is missing ({citation})</source>
        <translation>缺少被申请人名称（{citation}）</translation>
    </message>
    <message>
        <source>The defendant&apos;s domicile is missing ({citation})</source>
        <translation>缺少被告住所（{citation}）</translation>
    </message>
    <message>
        <source>The respondent&apos;s domicile is missing ({citation})</source>
        <translation>缺少被申请人住所（{citation}）</translation>
    </message>
    <message>
        <source>No claims filled in: a suit must have specific claims ({citation})</source>
        <translation>没有填写诉讼请求：起诉必须有具体的诉讼请求（{citation}）</translation>
    </message>
    <message>
        <source>No claims filled in: an arbitration application must state its claims ({citation})</source>
        <translation>没有填写仲裁请求：仲裁申请书应当载明仲裁请求（{citation}）</translation>
    </message>
    <message>
        <source>No facts and reasons, and no timeline: a suit must have facts and reasons ({citation})</source>
        <translation>没有事实和理由，也没有时间线记录：起诉必须有事实、理由（{citation}）</translation>
    </message>
    <message>
        <source>No facts and reasons, and no timeline ({citation})</source>
        <translation>没有事实和理由，也没有时间线记录（{citation}）</translation>
    </message>
    <message>
        <source>The claimant is missing: a courier claim is made by the merchant (usually the sender). Fill in the case&apos;s claimant, or your organisation&apos;s name in the settings</source>
        <translation>缺少索赔人：快递理赔由商家（通常是寄件人）提出。请填写本案的索赔人，或在设置中填写本单位名称</translation>
    </message>
    <message>
        <source>The waybill number is missing: the carrier finds the parcel and takes the claim by it</source>
        <translation>缺少运单号：快递企业凭运单号查找快件、受理理赔</translation>
    </message>
    <message>
        <source>The courier company (the party claimed against) is missing: the claim can go to the company the waybill belongs to or the one that actually delivered ({citation})</source>
        <translation>缺少快递公司（被索赔人）：可以向运单所属企业或实际提供快递服务的企业索赔（{citation}）</translation>
    </message>
    <message>
        <source>No proof of the goods&apos; value (invoice, order or payment record): an uninsured parcel is compensated under civil law, which needs the actual loss proved ({citation})</source>
        <translation>缺少商品价值凭证（发票、订单或付款记录）：未保价的快件依照民事法律确定赔偿，须证明实际损失（{citation}）</translation>
    </message>
    <message>
        <source>Whether the parcel was insured is not filled in: insured and uninsured parcels are compensated under different rules ({citation}); the claim letter leaves the insurance and the amount claimed blank</source>
        <translation>未填写是否保价：保价与未保价的快件赔偿规则不同（{citation}），理赔申请书中的是否保价和请求金额将留空待填</translation>
    </message>
    <message>
        <source>No unboxing video (from the waybill and the six sides of the package to the opening, the contents and the damage, in one uncut take)</source>
        <translation>缺少开箱视频（从运单、六面外包装到开箱、内物、破损，连续不剪辑）</translation>
    </message>
    <message>
        <source>No photos of the package (every side, with the waybill number visible)</source>
        <translation>缺少外包装照片（各面，运单号可见）</translation>
    </message>
    <message>
        <source>file no. {exhibit} is marked {status}</source>
        <translation>案卷编号{exhibit}已标记为{status}</translation>
    </message>
    <message>
        <source>No arbitration agreement in force{marked}: an arbitration agreement must state the wish to arbitrate, the matters to arbitrate and the arbitration commission chosen; without a written agreement, one is deemed to exist only if the respondent does not deny it before the first hearing ({citation}). Add the arbitration agreement, or the contract page with the arbitration clause: casefile add {number} FILE --kind arbitration-agreement</source>
        <translation>没有有效的仲裁协议{marked}：仲裁协议应当具有请求仲裁的意思表示、仲裁事项和选定的仲裁机构；未附书面仲裁协议的，只有被申请人在首次开庭前不予否认，才视为存在仲裁协议（{citation}）。请添加仲裁协议或含仲裁条款的合同页：casefile add {number} 文件 --kind arbitration-agreement</translation>
    </message>
    <message>
        <source>The customer&apos;s name is missing</source>
        <translation>缺少顾客姓名</translation>
    </message>
    <message>
        <source>The customer&apos;s phone number is missing</source>
        <translation>缺少顾客电话</translation>
    </message>
    <message>
        <source>No receipt among the evidence (invoice, order or payment record) proves the goods&apos; value</source>
        <translation>证据中没有票据/凭证类材料（发票、订单或付款记录）证明商品价值</translation>
    </message>
    <message>
        <source>Insured, but the insured value is not filled in: an insured parcel is compensated by the insurance rules ({citation})</source>
        <translation>已保价但未填写保价金额：保价快件按保价规则赔偿（{citation}）</translation>
    </message>
    <message>
        <source>The problem was found {hours} hours after signing for the parcel: carriers often ask for it within 24–48 hours (not a time limit set by law); no objection within a reasonable time is prima facie evidence of delivery as the waybill records ({citation})</source>
        <translation>签收后 {hours} 小时才发现异常：快递公司常要求 24–48 小时内提出（非法定期限）；在合理期限内未提出异议的，视为已按运单记载交付的初步证据（{citation}）</translation>
    </message>
    <message>
        <source>The case&apos;s exhibit “{title}” (file no. {exhibit}) is an arbitration agreement: where the parties have a written arbitration agreement and may not sue in a people&apos;s court, the court tells the plaintiff to apply for arbitration ({citation}). If the agreement is void, or both sides have waived arbitration, mark it so first and give the reason: casefile exhibit {number} {exhibit} --agreement invalid (or waived) --reason REASON</source>
        <translation>本案证据“{title}”（案卷编号{exhibit}）是仲裁协议：当事人达成书面仲裁协议、不得向人民法院起诉的，人民法院告知原告向仲裁机构申请仲裁（{citation}）。如该协议无效，或双方已放弃仲裁，请先标记并写明理由：casefile exhibit {number} {exhibit} --agreement invalid（或 waived）--reason 理由</translation>
    </message>
    <message>
        <source> ({marks})</source>
        <translation>（{marks}）</translation>
    </message>
    <message>
        <source>{login} is not a user of this team library, or has been disabled; an administrator adds users with &apos;casefile team user add&apos;</source>
        <translation>{login} 不是此团队案卷库的用户，或已被停用；管理员可用“casefile team user add”添加用户</translation>
    </message>
    <message>
        <source>{login} cannot be a login: use letters, digits and _ . @ - (at most 63 characters)</source>
        <translation>{login} 不能用作登录名：请使用字母、数字和 _ . @ -（最多 63 个字符）</translation>
    </message>
    <message>
        <source>there is no case {number} in the team library</source>
        <translation>团队案卷库中没有案件 {number}</translation>
    </message>
    <message>
        <source>{role} is not a role (read, write or manage)</source>
        <translation>“{role}”不是权限角色（只能是 read、write 或 manage）</translation>
    </message>
    <message>
        <source>pages {pages}</source>
        <translation>第{pages}页</translation>
    </message>
    <message>
        <source>{pages} and more</source>
        <translation>{pages}等</translation>
    </message>
    <message>
        <source>page {pages}</source>
        <translation>第{pages}页</translation>
    </message>
    <message>
        <source>a layer&apos;s visibility expression is not recognised</source>
        <translation>图层可见性表达式无法识别</translation>
    </message>
    <message>
        <source>Exhibit {label} ({title})</source>
        <translation>证据{label}（{title}）</translation>
    </message>
    <message>
        <source>Exhibit {label}</source>
        <translation>证据{label}</translation>
    </message>
    <message>
        <source>a layer&apos;s visibility expression is nested too deep</source>
        <translation>图层可见性表达式嵌套过深</translation>
    </message>
    <message>
        <source>text in a hidden layer runs on from visible text on the same line</source>
        <translation>隐藏图层中的文字与同一行的可见文字相连</translation>
    </message>
    <message>
        <source>the form holding a layer&apos;s content has no resources of its own</source>
        <translation>图层内容所在的表单没有自己的资源</translation>
    </message>
    <message>
        <source>{exhibit}: {pages} of the original file hold a layer hidden by default that cannot be removed safely ({reason}); the packet was not made, so that the hidden content does not appear in it. In a PDF reader keep the layer hidden, save or print it as a new PDF, check it, add it as a new exhibit and withdraw the original</source>
        <translation>{exhibit}原文件{pages}有默认隐藏的图层内容无法安全去除（{reason}），为免隐藏内容出现在材料中，未生成材料。请在PDF阅读器中保持该图层隐藏，另存或打印为新的PDF，核对后作为新证据添加并撤回原证据</translation>
    </message>
    <message>
        <source>{exhibit}: {pages} of the original file hold an invisible text layer (common in scans, from text recognition): it is not seen in the packet but can be copied and searched; check it for personal data that should not be submitted</source>
        <translation>{exhibit}原文件{pages}含不可见文字层（常见于扫描件的文字识别层），材料中看不到，但可被复制和检索：请核对其中有无不应提交的个人信息</translation>
    </message>
    <message>
        <source>{exhibit}: {pages} of the original file have text covered by blocks of colour that can still be copied and searched: a block of colour does not mask; mask what must not be seen with the masking tool</source>
        <translation>{exhibit}原文件{pages}有文字被色块覆盖，覆盖的文字仍可被复制和检索：色块不是有效的遮盖，需要遮盖的内容请用遮盖功能处理</translation>
    </message>
    <message>
        <source>{exhibit}: {pages} of the original file have form entries with no appearance, which the packet cannot show; check the original</source>
        <translation>{exhibit}原文件{pages}有表单填写内容没有外观，材料中无法显示：请核对原件</translation>
    </message>
    <message>
        <source>{exhibit}: {pages} of the original file are too large or too complex to check for invisible or covered text</source>
        <translation>{exhibit}原文件{pages}内容过大或过于复杂，未能检查是否含不可见或被覆盖的文字</translation>
    </message>
    <message>
        <source>a content stream with layers is too large</source>
        <translation>含图层的内容流过大</translation>
    </message>
    <message>
        <source>content with layers cannot be parsed</source>
        <translation>含图层的内容无法解析</translation>
    </message>
    <message>
        <source>a content stream with layers is too large or cannot be decoded</source>
        <translation>含图层的内容流过大或无法解码</translation>
    </message>
    <message>
        <source>the disk is full while {what}</source>
        <translation>{what}时磁盘已满</translation>
    </message>
    <message>
        <source>{root} is not a CaseFile library ({marker} is not a library marker)</source>
        <translation>{root} 不是 CaseFile 案卷库（{marker} 不是案卷库标记文件）</translation>
    </message>
    <message>
        <source>the case is closed: reopen it, with the reason, before moving it to another stage</source>
        <translation>案件已结案：请先说明理由重新开案，再改变阶段</translation>
    </message>
    <message>
        <source>removing an event needs a reason</source>
        <translation>删除记录须写明理由</translation>
    </message>
    <message>
        <source>an exhibit is listed twice</source>
        <translation>有证据被列了两次</translation>
    </message>
    <message>
        <source>the library at {root} is read-only (a disc, a read-only share or a received copy): nothing can be changed in it</source>
        <translation>位于 {root} 的案卷库为只读（光盘、只读共享或收到的副本）：不能对其作任何更改</translation>
    </message>
    <message>
        <source>case {number} does not agree with its custody log: {problems}</source>
        <translation>案件 {number} 与其保管记录不一致：{problems}</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>case {number} is damaged ({reason}) and was left untouched; nothing is written to it until it verifies again — run &apos;casefile verify {number}&apos;, or &apos;casefile repair {number}&apos; to rebuild its record from the custody log</source>
        <translation>案件 {number} 已损坏（{reason}），已保持原状；核验通过前不会写入任何内容——请运行“casefile verify {number}”，或运行“casefile repair {number}”依保管记录重建案件记录</translation>
    </message>
    <message>
        <source>{root} is a file, not a folder; choose a folder</source>
        <translation>{root} 是文件，不是文件夹，请选择一个文件夹</translation>
    </message>
    <message>
        <source>no folder can be created at {root}; choose another place</source>
        <translation>无法在 {root} 创建文件夹，请选择其他位置</translation>
    </message>
    <message>
        <source>a new case folder</source>
        <translation>新案件文件夹</translation>
    </message>
    <message>
        <source>a scratch folder</source>
        <translation>临时文件夹</translation>
    </message>
    <message>
        <source>a scratch file</source>
        <translation>临时文件</translation>
    </message>
    <message>
        <source>case {number} was created</source>
        <translation>案件 {number} 已创建</translation>
    </message>
    <message>
        <source>the change to case {number} is recorded in its custody log, but {problem}; CaseFile completes it at the next start</source>
        <translation>对案件 {number} 的更改已记入保管记录，但{problem}；CaseFile 将在下次启动时完成</translation>
    </message>
    <message>
        <source>the change to case {number} was saved</source>
        <translation>对案件 {number} 的更改已保存</translation>
    </message>
    <message>
        <source>{changed}, but the library index could not be updated ({reason}); it is brought up to date at the next start</source>
        <translation>{changed}，但案卷库索引未能更新（{reason}）；下次启动时将补齐</translation>
    </message>
    <message>
        <source>case {number}: the custody log itself is damaged ({reason}); CaseFile cannot rebuild the record from it — restore the case folder from a backup or an exported archive</source>
        <translation>案件 {number}：保管记录本身已损坏（{reason}），CaseFile 无法据此重建案件记录——请从备份或导出的案卷包恢复该案件文件夹</translation>
    </message>
    <message>
        <source>case {number}: entries were cut off the end of its custody log; CaseFile cannot rebuild them — restore the case folder from a backup or an exported archive</source>
        <translation>案件 {number}：保管记录末尾的条目已被截去，CaseFile 无法重建——请从备份或导出的案卷包恢复该案件文件夹</translation>
    </message>
    <message>
        <source>case {number} was repaired</source>
        <translation>案件 {number} 已修复</translation>
    </message>
    <message>
        <source>the library index could not be rebuilt: {reason}</source>
        <translation>案卷库索引无法重建：{reason}</translation>
    </message>
    <message>
        <source>the custody entry case.json recorded last is not in the log as it was</source>
        <translation>case.json 最后记录的保管条目在保管记录中已不是原样</translation>
    </message>
    <message>
        <source>no entry where the directory places it</source>
        <translation>目录所指的位置没有条目</translation>
    </message>
    <message>
        <source>named {local} in its own header</source>
        <translation>其自身文件头中的名称为 {local}</translation>
    </message>
    <message>
        <source>its size or checksum differs from its own header</source>
        <translation>其大小或校验码与自身文件头不符</translation>
    </message>
    <message>
        <source>case {number} does not verify; fix it before exporting: {summary}. &apos;casefile repair {number}&apos; (or Repair in the app&apos;s verification results) puts this right and records it in the custody log</source>
        <translation>案件 {number} 核验未通过，请先处理再导出：{summary}。运行 &apos;casefile repair {number}&apos;（或在程序的核验结果中点“修复”）即可处理，并记入保管记录</translation>
    </message>
    <message>
        <source>the archive is damaged: its directory does not match its contents ({name}: {problem}); nothing was imported</source>
        <translation>归档已损坏：其目录与内容不符（{name}：{problem}）；未导入任何内容</translation>
    </message>
    <message>
        <source>The complaint answers the business&apos;s “more than seven days” with the return asked for on {date} (“{summary}”), but that event cites no exhibit, so the answer rests on the complainant&apos;s word alone. If there is a record of the request (the platform&apos;s refund or return request page, a chat), add it and link it to the event in the timeline</source>
        <translation>投诉书以{date}提出的退货要求（“{summary}”）反驳经营者“已超过七天”的说法，但该事件未引用任何证据，这一反驳仅凭投诉人的陈述。如有退货申请的记录（平台的退款/退货申请页面、聊天记录），请添加为证据，并在时间线中将其关联到该事件</translation>
    </message>
    <message>
        <source>The timeline event of {date} “{summary}” cites {exhibits}: not the same day, so the exhibit does not record this event and the packet&apos;s “see exhibit” points the reader to something else. In the timeline, link the event to the exhibit that records it (or to none), or correct the event&apos;s time or the exhibit&apos;s</source>
        <translation>时间线中{date}的事件“{summary}”引用了{exhibits}，两者不是同一天，该证据并未记录这一事件，材料中的“见证据”会把读者引向别的内容。请在时间线中为该事件关联记录它的证据（或不关联证据），或更正事件或证据的时间</translation>
    </message>
    <message>
        <source>made on {date}</source>
        <translation>{date}形成</translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names}，另有 {count} 件</translation>
    </message>
    <message>
        <source>The complaint will say there is no arbitration or jurisdiction clause, as entered, yet the case holds an arbitration agreement: {agreements}. If the clause exists, answer yes and give its terms (and why it does not stand in the way); or clear the answer, and the complaint names the agreement: casefile edit {number} --jurisdiction-clause unknown</source>
        <translation>起诉状将按已填写的答复勾选“无”仲裁、法院管辖约定，但本案有仲裁协议：{agreements}。如确有该约定，请改答“有”并写明条款内容（及其不妨碍起诉的理由）；或清除该答复，由起诉状写明该仲裁协议：casefile edit {number} --jurisdiction-clause unknown</translation>
    </message>
    <message>
        <source>The goods are a mobile phone, but the time the fault first appeared is not filled in: under the mobile phone repair, exchange and return rule a performance fault within 7 days of the sale allows a return, exchange or repair, and from day 8 to day 15 an exchange or repair ({citations}); the packet cites the rule only when it can count the days: casefile edit {number} --fault-at TIME</source>
        <translation>所购商品为手机，但未填写故障出现时间：依照手机三包规定，自售出之日起7日内出现性能故障的，消费者可以选择退货、换货或者修理，第8日至第15日内的，可以选择换货或者修理（{citations}）；只有能够计算天数时，材料才会援引该规定：casefile edit {number} --fault-at 时间</translation>
    </message>
    <message>
        <source>the plaintiff&apos;s identity document</source>
        <translation>原告身份证件</translation>
    </message>
    <message>
        <source>the defendant&apos;s business registration record (for a person, the identity details)</source>
        <translation>被告的企业信用信息公示报告（被告为自然人的，其身份信息）</translation>
    </message>
    <message>
        <source>the applicant&apos;s identity document</source>
        <translation>申请人身份证件</translation>
    </message>
    <message>
        <source>the original power of attorney ({citation})</source>
        <translation>授权委托书原件（{citation}）</translation>
    </message>
    <message>
        <source>The receipt is issued in the name of “{name}” (the organisation in the settings), but the complaint is against “{respondent}”: the customer would take the receipt for the respondent&apos;s, and ask the wrong party. Issue it from the respondent&apos;s own CaseFile, or correct the respondent or the organisation in the settings</source>
        <translation>回执将以“{name}”（设置中的单位）的名义出具，但被投诉的是“{respondent}”：顾客会把这张回执当作被投诉方出具的，并向错误的一方查询。请在被投诉方自己的 CaseFile 中出具回执，或更正被投诉人或设置中的单位。</translation>
    </message>
    <message>
        <source>The reply time this receipt promises the customer, {due}, has passed: a receipt printed now promises a reply by a time already gone. Make sure the customer has had the store&apos;s reply, or tell them when they will</source>
        <translation>本回执承诺的答复时间 {due} 已过：现在打印的回执所承诺的答复时间已经过去。请确认已答复顾客，或告知顾客何时答复</translation>
    </message>
    <message>
        <source>The timeline event of {date} “{summary}” cites {exhibits}: was it made on the event&apos;s day? Its time records no time zone and is close to midnight, so it may be the same day where the device was. If it is not, link the event to the exhibit that records it, or correct the event&apos;s time or the exhibit&apos;s</source>
        <translation>时间线中{date}的事件“{summary}”引用了{exhibits}，该证据是否形成于事件当天？其时间未记录时区且接近午夜，按设备所在地时间可能是同一天。如果不是，请在时间线中为该事件关联记录它的证据，或更正事件或证据的时间</translation>
    </message>
    <message>
        <source>The timeline event “{summary}” is dated {date}, before 2000: check its time (casefile event {number} --edit {n} --at TIME)</source>
        <translation>时间线事件“{summary}”的时间为{date}，早于2000年，请核对其时间（casefile event {number} --edit {n} --at 时间）</translation>
    </message>
    <message>
        <source>The timeline event “{summary}” is dated {date}, after today: check its time (casefile event {number} --edit {n} --at TIME)</source>
        <translation>时间线事件“{summary}”的时间为{date}，晚于今天，请核对其时间（casefile event {number} --edit {n} --at 时间）</translation>
    </message>
    <message>
        <source>name {value}</source>
        <translation>姓名 {value}</translation>
    </message>
    <message>
        <source>{exhibits}: added with other exhibits under one proof purpose (“{purpose}”), which its title does not speak of (beyond the goods or the kind of file): the evidence list must state what each item proves ({citation}). Give it a purpose of its own, saying what this item shows</source>
        <translation>{exhibits}：与其他证据一并添加，沿用了同一证明目的（“{purpose}”），但其名称除商品名称或文件类型外，与该证明目的并无关联：证据清单应写明每项证据的证明对象（{citation}）。请为其填写自己的证明目的，写明该证据所证明的内容</translation>
    </message>
    <message>
        <source>mobile number {value}</source>
        <translation>手机号 {value}</translation>
    </message>
    <message>
        <source>phone number {value}</source>
        <translation>电话号码 {value}</translation>
    </message>
    <message>
        <source>ID number {value}</source>
        <translation>身份证号 {value}</translation>
    </message>
    <message>
        <source>bank card number {value}</source>
        <translation>银行卡号 {value}</translation>
    </message>
    <message>
        <source>e-mail address {value}</source>
        <translation>电子邮箱 {value}</translation>
    </message>
    <message>
        <source>Timeline {events} say nobody as who they were with and are perhaps the courier&apos;s reply: set who each was with to the courier company (in the timeline, Correct…; or casefile event {number} --edit N --with courier, N being {numbers})</source>
        <translation>时间线{events}未填对象，或许是快递公司的答复：请将其对象设为“快递公司”（在时间线中点“修改…”；或 casefile event {number} --edit N --with courier，N 为 {numbers}）</translation>
    </message>
    <message>
        <source> (insured: compensation is limited to the insured value, {citation}, and the {paid} the courier company already paid comes off it)</source>
        <translation>（已保价，赔偿以保价金额为限（{citation}），并扣除快递企业已支付的 {paid}）</translation>
    </message>
    <message>
        <source>The record&apos;s dates contradict: {contradiction}: is its year mistyped? The limitation period would count from it; check its time (casefile event {number} --edit {n} --at TIME)</source>
        <translation>记录中的日期相互矛盾：{contradiction}：年份是否录错？诉讼时效会从该日起算；请核对其时间（casefile event {number} --edit {n} --at TIME）</translation>
    </message>
    <message>
        <source>The record&apos;s dates contradict: {contradiction}: one of these dates is wrong, and the packet would print both; correct it (casefile edit {number})</source>
        <translation>记录中的日期相互矛盾：{contradiction}：其中一个日期有误，材料会把两个日期一并打印；请更正（casefile edit {number}）</translation>
    </message>
    <message>
        <source> (the {paid} the courier company already paid comes off it)</source>
        <translation>（已扣除快递企业已支付的 {paid}）</translation>
    </message>
    <message>
        <source>a third party&apos;s (no party to the case)</source>
        <translation>案外人（非本案当事人）的</translation>
    </message>
    <message>
        <source>{amount} ({summary}), of which {paid} is paid and {rest} is left</source>
        <translation>{amount}（{summary}），其中已支付 {paid}，尚余 {rest}</translation>
    </message>
    <message>
        <source>{exhibits}: the picture shows a third party&apos;s personal data (as OCR read it), and the packet prints the picture as it is, unmasked: a court&apos;s and an arbitration&apos;s packets mask third parties, and the other side receives a copy ({citation}). Redact the picture (select the exhibit and press Ctrl+Shift+R, or casefile redact {number} EXHIBIT --box X,Y,W,H --reason REASON), then put the redacted copy in the packet in its place: this packet prints originals unless asked (tick the redacted copy instead of the original among the exhibits, or casefile bundle {number} --redacted EXHIBIT). Build it as it is only if the data may be shown</source>
        <translation>{exhibits}：图片中含有案外人（非本案当事人）的个人信息（文字识别结果），材料将原样印出该图片，未作遮盖；法院、仲裁材料应遮盖案外人信息，且对方当事人会收到副本（{citation}）。请先遮盖（选中该证据按 Ctrl+Shift+R，或 casefile redact {number} 证据编号 --box X,Y,W,H --reason 理由），再以遮盖件替换原件放入材料：本材料默认印出原件（在证据列表中勾选遮盖件、取消原件，或 casefile bundle {number} --redacted 证据编号）。仅在这些信息可以公开时才原样生成</translation>
    </message>
    <message>
        <source>the complainant&apos;s</source>
        <translation>投诉人的</translation>
    </message>
    <message>
        <source>the respondent&apos;s</source>
        <translation>被投诉人的</translation>
    </message>
    <message>
        <source>the carrier&apos;s</source>
        <translation>承运人的</translation>
    </message>
    <message>
        <source>the agent&apos;s</source>
        <translation>委托代理人的</translation>
    </message>
    <message>
        <source>the claimant&apos;s</source>
        <translation>索赔人的</translation>
    </message>
    <message>
        <source>the sender&apos;s</source>
        <translation>寄件人的</translation>
    </message>
    <message>
        <source>the recipient&apos;s (the end customer&apos;s)</source>
        <translation>收件人（终端客户）的</translation>
    </message>
    <message>
        <source>address {value}</source>
        <translation>地址 {value}</translation>
    </message>
    <message>
        <source>The courier company has until {last_day} to answer the complaint of {complained}, and no answer of its is recorded: an appeal to the postal administration (12305) is taken when the company did not answer within 7 days or its answer did not satisfy ({citation}), so it can be made from {first_day}. If the company has answered, record its answer in the timeline, with the courier company as who it was with: the appeal quotes it{perhaps}</source>
        <translation>快递企业对{complained}投诉的答复期限至{last_day}，尚未届满，且未记录其答复：向邮政管理部门（12305）申诉，须在投诉后7日内未得到答复或对企业的处理和答复不满意时提出（{citation}），本件自{first_day}起方可申诉。如快递企业已答复，请在时间线记录其答复，对象选“快递公司”，申诉书将引述该答复{perhaps}</translation>
    </message>
    <message>
        <source>Timeline {events} says nobody as who it was with and is perhaps the courier&apos;s reply: set who it was with to the courier company (in the timeline, Correct…; or casefile event {number} --edit {n} --with courier)</source>
        <translation>时间线{events}未填对象，或许是快递公司的答复：请将其对象设为“快递公司”（在时间线中点“修改…”；或 casefile event {number} --edit {n} --with courier）</translation>
    </message>
    <message>
        <source>The record shows the dispute taken to {proceedings}: the complaint&apos;s declaration says so instead of denying it. A market regulator does not accept a complaint about a dispute that a court, an arbitration institution, a market regulator or other administrative agency, or a consumer association has already accepted or handled ({citation}): check that this complaint can still be made before filing it</source>
        <translation>案卷记录该争议已提交{proceedings}：投诉书的声明如实写明，不再声称未曾提出。法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会已经受理或者处理过同一消费者权益争议的，市场监督管理部门不予受理（{citation}）：提交前请确认本投诉是否仍可提出</translation>
    </message>
    <message>
        <source>The record shows the dispute taken to {proceedings}: the complaint&apos;s declaration says so instead of denying it. Consumer associations usually do not accept a dispute that a court, an administrative agency or an arbitration institution has accepted or handled (their practice, not a rule of law): check with the association that this complaint can still be made</source>
        <translation>案卷记录该争议已提交{proceedings}：投诉书的声明如实写明，不再声称未曾提出。法院、有关行政部门、仲裁机构已受理、处理的争议，消费者协会通常不予受理（各地做法，非法律规定）：请向消费者协会确认本投诉是否仍可提出</translation>
    </message>
    <message>
        <source>The record shows the matter taken to {proceedings}: the appeal&apos;s declaration says so instead of denying it. An appeal is taken when the same matter was not appealed to a postal administration before (or has new content) and no court or arbitration institution has accepted or handled it ({citation}): check that this appeal can still be made, and say what is new</source>
        <translation>案卷记录该事项已提交{proceedings}：申诉书的声明如实写明，不再声称未曾申诉。申诉须未就同一事项向邮政管理部门申诉过（或者已申诉过的事项有新增内容），且未经人民法院、仲裁机构受理或者处理（{citation}）：请确认本申诉是否仍可提出，并写明新增内容</translation>
    </message>
    <message>
        <source>An agreement is recorded on {day}: {owed}. The claims ask for the demands less what was paid, not for the agreement: to hold the respondent to the agreement, change the demands to what is left of it (casefile edit {number} --demand …); otherwise be ready to say why the agreement does not settle the dispute (a consumer association usually ends a mediation the parties settled)</source>
        <translation>案卷记录{day}达成协议：{owed}。请求按诉求金额扣除已付款项计算，而非按协议：如要求对方履行协议，请将诉求改为协议尚余的金额（casefile edit {number} --demand …）；否则请准备说明协议为何未解决争议（双方已和解的，消费者协会通常终止调解）</translation>
    </message>
    <message>
        <source>A decision is recorded on {day}: {owed}. The claims ask for the demands less what was paid: a dispute already decided is not heard again; enforce the decision instead, or check the demands</source>
        <translation>案卷记录{day}已作出裁决或决定：{owed}。请求按诉求金额扣除已付款项计算：已经裁判的争议不再重复处理，请申请执行该裁决，或核对诉求</translation>
    </message>
    <message>
        <source>{exhibits}: the capture time the photo records is no real time (the camera&apos;s clock was not set, or the value cannot be read), so the packet gives the time in the file&apos;s name or the file&apos;s modification time instead and says why; copying a file can change that time: check when the photo was taken, and correct it in the exhibit&apos;s details</source>
        <translation>{exhibits}：照片记录的拍摄时间不是真实时间（相机时钟未设置，或该值无法识别），材料改用文件名中的时间或文件修改时间，并注明原因；复制文件可能改变该时间：请核对照片的拍摄时间，并在证据详情中更正</translation>
    </message>
    <message>
        <source>{exhibits}: the picture shows personal data this destination must not see (as OCR read it), and the packet prints the picture as it is, unmasked: sending it hands that person&apos;s data to the recipient ({citation}). Redact the picture first: select the exhibit and press Ctrl+Shift+R (boxes over what OCR read are suggested), or casefile redact {number} EXHIBIT --box X,Y,W,H --reason REASON; the packet then prints the redacted copy. Build it as it is only if the recipient may see the data</source>
        <translation>{exhibits}：图片中含有本材料接收方不应看到的个人信息（文字识别结果），材料将原样印出该图片，未作遮盖；发送即把该人的个人信息提供给接收方（{citation}）。请先遮盖：选中该证据按 Ctrl+Shift+R（会按识别出的文字建议遮盖框），或 casefile redact {number} 证据编号 --box X,Y,W,H --reason 理由；材料随后印出遮盖件。仅在接收方可以看到这些信息时才原样生成</translation>
    </message>
    <message>
        <source>{exhibits}: the redacted copy the packet prints still shows personal data this destination must not see (as OCR read it in the copy): its boxes do not cover it, and sending it hands that person&apos;s data to the recipient ({citation}), and the packet does not say of it that third parties&apos; data is covered. Redact the original again with boxes over that data (select the original and press Ctrl+Shift+R, or casefile redact {number} EXHIBIT --box X,Y,W,H --reason REASON), and let OCR read the new copy</source>
        <translation>{exhibits}：遮盖件仍显示本材料接收方不应看到的个人信息（遮盖件的文字识别结果）：遮盖框没有盖住这些信息，发送即把该人的个人信息提供给接收方（{citation}），材料也不会就该件注明“第三方信息已遮盖”。请在原件上重新遮盖这些信息（选中原件按 Ctrl+Shift+R，或 casefile redact {number} 证据编号 --box X,Y,W,H --reason 理由），并等待文字识别读取新的遮盖件</translation>
    </message>
    <message>
        <source>{exhibits}: marked as a parcel&apos;s label (waybill), which shows the recipient&apos;s name, phone and address, and printed as it is, with no redacted copy: the packet masks personal data in texts, not in pictures ({citation}). Redact the label&apos;s personal data (select the exhibit and press Ctrl+Shift+R, or casefile redact {number} EXHIBIT --box X,Y,W,H --reason REASON), keeping the waybill number the carrier needs</source>
        <translation>{exhibits}：标为快递面单（运单）的图片，面单上有收件人姓名、电话和地址，而材料原样印出该图片，没有遮盖件：材料只遮盖文字中的个人信息，不遮盖图片（{citation}）。请遮盖面单上的个人信息（选中该证据按 Ctrl+Shift+R，或 casefile redact {number} 证据编号 --box X,Y,W,H --reason 理由），保留快递企业需要的运单号</translation>
    </message>
    <message>
        <source>wait until OCR has read them (the app&apos;s OCR status in the status bar, or casefile ocr {number} --wait), then check again</source>
        <translation>请等待文字识别完成（见应用状态栏的“识别文字”进度，或运行 casefile ocr {number} --wait）后再检查</translation>
    </message>
    <message>
        <source>OCR is not installed here (pip install &apos;casefile[ocr]&apos;); look at each picture and redact what shows anyone&apos;s personal data</source>
        <translation>本机未安装文字识别（pip install &apos;casefile[ocr]&apos;）；请逐张查看，遮盖显示任何人个人信息的部分</translation>
    </message>
    <message>
        <source>{count} picture(s) not yet read by OCR, so the personal data in them cannot be checked ({exhibits}): {how}</source>
        <translation>有 {count} 张图片尚未识别文字，无法检查其中的个人信息（{exhibits}）：{how}</translation>
    </message>
    <message>
        <source>{exhibits}: OCR could not read the picture&apos;s text, so the personal data in it cannot be checked: look at it, and redact what shows anyone&apos;s personal data (select the exhibit and press Ctrl+Shift+R)</source>
        <translation>{exhibits}：无法识别图片中的文字，无法检查其中的个人信息：请查看该图片，遮盖显示任何人个人信息的部分（选中该证据按 Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>{whose} {data}</source>
        <translation>{whose}{data}</translation>
    </message>
    <message>
        <source>Are the goods (“{goods}”) a mobile phone? The product&apos;s name does not say: a phone&apos;s fault within 15 days of the sale falls under the mobile phone repair, exchange and return rule ({citations}). Say so: casefile edit {number} --is-phone yes (or no)</source>
        <translation>所购商品（“{goods}”）是手机吗？从商品名称无法判断：手机自售出之日起15日内出现的故障适用手机三包规定（{citations}）。请注明：casefile edit {number} --is-phone yes（不是手机则为 no）</translation>
    </message>
    <message>
        <source>the agent&apos;s identity document</source>
        <translation>代理人身份证明</translation>
    </message>
    <message>
        <source>event {n} ({at}: {summary})</source>
        <translation>第{n}项（{at}：{summary}）</translation>
    </message>
    <message>
        <source>{body}: {state}</source>
        <translation>{body}：{state}</translation>
    </message>
    <message>
        <source>The record shows {paid} already paid to the complainant by the respondent: the claims ask only what is left, {taken} taken off the refund or compensation demanded{left}; check the sums before filing</source>
        <translation>案卷记录被投诉人已向投诉人支付 {paid}：请求只要求余额，已从所求退款或赔偿中扣除 {taken}{left}；提交前请核对金额</translation>
    </message>
    <message>
        <source>The goods are a mobile phone and the fault&apos;s time is filled in, but the purchase time is not: the mobile phone repair, exchange and return rule counts its 7 and 15 days from the day of sale ({citations}), so the packet does not cite it: casefile edit {number} --purchased-at TIME</source>
        <translation>所购商品为手机，已填写故障出现时间，但未填写购买时间：手机三包规定的7日、15日自售出之日起计算（{citations}），因此材料不援引该规定：casefile edit {number} --purchased-at 时间</translation>
    </message>
    <message>
        <source>No proof of the goods&apos; value (invoice, order or payment record): an insured parcel is compensated under the insurance rules agreed with the courier, usually the actual loss up to the insured value, which the goods&apos; value proves ({citation})</source>
        <translation>缺少商品价值凭证（发票、订单或付款记录）：保价的快件按与快递企业约定的保价规则赔偿，通常在保价金额内按实际损失赔偿，须以商品价值证明（{citation}）</translation>
    </message>
    <message>
        <source>No answer of the courier company&apos;s to the complaint of {complained} is recorded: the appeal will say the company did not answer within 7 days. {perhaps}</source>
        <translation>未记录快递企业对{complained}投诉的答复：申诉书将写明企业投诉后7日内未答复。{perhaps}</translation>
    </message>
    <message>
        <source>The fault&apos;s time ({fault}) is before the purchase ({sold}): the mobile phone repair, exchange and return rule counts from the day of sale ({citations}), so the packet does not cite it. Correct one of them: casefile edit {number} --fault-at TIME (or --purchased-at TIME)</source>
        <translation>故障出现时间（{fault}）早于购买时间（{sold}）：手机三包规定自售出之日起计算（{citations}），因此材料不援引该规定。请更正其中之一：casefile edit {number} --fault-at 时间（或 --purchased-at 时间）</translation>
    </message>
    <message>
        <source>. {events}</source>
        <translation>。{events}</translation>
    </message>
    <message>
        <source>“{title}” (file no. {exhibit}, {status})</source>
        <translation>“{title}”（案卷编号{exhibit}，{status}）</translation>
    </message>
    <message>
        <source> ({left} could not be taken off any refund or compensation demanded and is not deducted)</source>
        <translation>（其中 {left} 无可扣除的退款或赔偿请求，未予扣除）</translation>
    </message>
    <message>
        <source>the login {login} exists already on the database server; only the catalogue&apos;s owner can make it a user</source>
        <translation>登录名 {login} 已存在于数据库服务器上；只有目录的所有者才能将其设为用户</translation>
    </message>
    <message>
        <source>a damage note says why the case is damaged</source>
        <translation>损坏记录须写明案件损坏的原因</translation>
    </message>
    <message>
        <source>the damage noted on case {number} is cleared only by a member who may change it</source>
        <translation>案件 {number} 的损坏标记只能由有权修改该案件的成员清除</translation>
    </message>
    <message>
        <source>the damage noted on case {number} is cleared only with a verification that finds the case whole</source>
        <translation>案件 {number} 的损坏记录只能由确认案件完整的核验清除</translation>
    </message>
    <message>
        <source>{name} ({login}) administers the people of their own organisation only</source>
        <translation>{name}（{login}）只能管理本机构的人员</translation>
    </message>
    <message>
        <source>case {number} was changed by {by} at {at} after you opened it, so your change was not saved; reload the case and apply your change again</source>
        <translation>您打开案件 {number} 之后，{by} 已于 {at} 修改了它，因此您的修改未保存；请重新载入案件后再次修改</translation>
    </message>
    <message>
        <source>the case could not be registered: the team library&apos;s case numbers of {month} are not in order ({reason}); nothing was saved, try again or ask an administrator</source>
        <translation>案件未能登记：团队库中 {month} 的案件编号不连贯（{reason}）；未保存任何内容，请重试或联系管理员</translation>
    </message>
    <message>
        <source>{kind} is not a kind of text an exhibit has</source>
        <translation>{kind} 不是证据可有的文本种类</translation>
    </message>
    <message>
        <source>exhibit {exhibit} of case {number} is another file ({sha256}): its texts were not indexed</source>
        <translation>案件 {number} 的证据 {exhibit} 是另一个文件（{sha256}），其文本未编入检索表</translation>
    </message>
    <message>
        <source>custody entry {seq} records sanitised copies but is not well-formed: {why}</source>
        <translation>保管记录第 {seq} 条记载了安全打印副本，但格式不正确：{why}</translation>
    </message>
    <message>
        <source>custody entry {seq} records a sanitised copy of exhibit {number}, which the case does not hold with that SHA-256</source>
        <translation>保管记录第 {seq} 条记载了证据 {number} 的安全打印副本，但本案中该证据的 SHA-256 与之不符</translation>
    </message>
    <message>
        <source>the PDF cannot be opened ({reason})</source>
        <translation>PDF 无法打开（{reason}）</translation>
    </message>
    <message>
        <source>the PDF is damaged or truncated and cannot be redacted ({reason})</source>
        <translation>PDF 已损坏或不完整，无法遮盖（{reason}）</translation>
    </message>
    <message>
        <source>README.txt is not the text CaseFile writes: its instructions for checking the case without CaseFile may have been changed; &apos;casefile repair {number}&apos; writes it again (the changed one is kept beside it)</source>
        <translation>README.txt 不是 CaseFile 写入的文本：其中不借助 CaseFile 核验案件的说明可能已被改动；运行 &apos;casefile repair {number}&apos; 会重新写入（被改动的文件保留在旁边）</translation>
    </message>
    <message>
        <source>the search tables were damaged; they were set aside as {aside} and rebuilt from the case folders</source>
        <translation>检索表已损坏，已另存为 {aside}，并根据案件文件夹重新建立</translation>
    </message>
    <message>
        <source>README.txt, which tells anyone how to check the case without CaseFile, is missing; &apos;casefile repair {number}&apos; writes it again</source>
        <translation>说明如何不借助 CaseFile 核验案件的 README.txt 缺失；运行 &apos;casefile repair {number}&apos; 会重新写入</translation>
    </message>
    <message>
        <source>{where}: exhibit {numbers} of case {case} is withdrawn, and no packet cites it; cite the exhibit that shows it</source>
        <translation>{where}：案件 {case} 的证据 {numbers} 已撤回，任何材料都不会引用它；请引用能证明此事的证据</translation>
    </message>
    <message>
        <source>{path} is inside the CaseFile library ({library}); save it to a folder outside the library (a file put in a case&apos;s folder would stop the case from verifying)</source>
        <translation>{path} 位于 CaseFile 案卷库（{library}）之内；请保存到案卷库以外的文件夹（放进案件文件夹的文件会使该案件无法通过核验）</translation>
    </message>
    <message>
        <source>opening the library at {root}</source>
        <translation>打开位于 {root} 的案卷库</translation>
    </message>
    <message>
        <source>noting the temporary file {path} failed: {exc}</source>
        <translation>登记临时文件 {path} 失败：{exc}</translation>
    </message>
    <message>
        <source>case.json differs from its custody log in: {fields}</source>
        <translation>case.json 与保管记录不一致之处：{fields}</translation>
    </message>
    <message>
        <source>case {number}: the custody log cannot be replayed ({exc}); nothing was changed</source>
        <translation>案件 {number}：保管记录无法回放（{exc}）；未作任何更改</translation>
    </message>
    <message>
        <source>the library index could not be updated: {reason}</source>
        <translation>案卷库索引无法更新：{reason}</translation>
    </message>
    <message>
        <source>moving {name} aside</source>
        <translation>将 {name} 移到一旁</translation>
    </message>
    <message>
        <source>MANIFEST.sha256 gives {path} a hash that is not its text&apos;s</source>
        <translation>MANIFEST.sha256 中 {path} 的哈希值不是其文本的哈希值</translation>
    </message>
    <message>
        <source>{path} is not the text CaseFile writes</source>
        <translation>{path} 不是 CaseFile 写入的文本</translation>
    </message>
    <message>
        <source>{path}, which MANIFEST.sha256 lists, is missing</source>
        <translation>MANIFEST.sha256 列出的 {path} 缺失</translation>
    </message>
    <message>
        <source>the case record has no readable format version ({version!r})</source>
        <translation>案件记录没有可读的格式版本（{version!r}）</translation>
    </message>
    <message>
        <source>the case record</source>
        <translation>案件记录</translation>
    </message>
    <message>
        <source>{where}: expected a number</source>
        <translation>{where}：应为数字</translation>
    </message>
    <message>
        <source>the timeline holds no such event (it was changed or removed since)</source>
        <translation>时间线中没有这条记录（可能已被修改或删除）</translation>
    </message>
    <message>
        <source>exhibit {number} is ingested twice in the custody log</source>
        <translation>保管记录中案卷编号{number}的证据被收录了两次</translation>
    </message>
    <message>
        <source>a redacted copy names no exhibit of the case as its original ({number!r})</source>
        <translation>遮盖件指明的原件不是本案证据（{number!r}）</translation>
    </message>
    <message>
        <source>the redacted copy {copy} does not match its original, exhibit {number}</source>
        <translation>遮盖件（案卷编号{copy}）与其原件（案卷编号{number}）不符</translation>
    </message>
    <message>
        <source>the case has no {what} {n!r}</source>
        <translation>本案没有{what} {n!r}</translation>
    </message>
    <message>
        <source>negotiation round</source>
        <translation>协商轮次</translation>
    </message>
    <message>
        <source>proceeding</source>
        <translation>程序</translation>
    </message>
    <message>
        <source>the case is closed already: reopen it before closing it again</source>
        <translation>案件已结案：须先重新开案才能再次结案</translation>
    </message>
    <message>
        <source>a closing cannot be dated before the reopening it follows</source>
        <translation>结案时间不能早于此前的重新开案时间</translation>
    </message>
    <message>
        <source>only a closed case can be reopened</source>
        <translation>只有已结案的案件才能重新开案</translation>
    </message>
    <message>
        <source>a reopening cannot be dated before the closing it undoes</source>
        <translation>重新开案时间不能早于结案时间</translation>
    </message>
    <message>
        <source>timestamp {id} is attached twice in the custody log</source>
        <translation>时间戳 {id} 在保管记录中被附加了两次</translation>
    </message>
    <message>
        <source>a finding names {party!r}, not a party of ResponsibleParty</source>
        <translation>责任认定中的 {party!r} 不是可认定的责任方</translation>
    </message>
    <message>
        <source>timestamp {id} names a file outside timestamps/: {path}</source>
        <translation>时间戳 {id} 指向 timestamps/ 以外的文件：{path}</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被投诉人</translation>
    </message>
    <message>
        <source>Agent (委托诉讼代理人)</source>
        <translation>委托诉讼代理人</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>物流</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运快递公司</translation>
    </message>
    <message>
        <source>Courier claim: claimant</source>
        <translation>快递理赔索赔人</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Demands</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Filing (court, arbitration, 消协)</source>
        <translation>受理机构与立案事项</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>{group} — {field}</source>
        <translation>{group}{field}</translation>
    </message>
    <message>
        <source>Demand {number}</source>
        <translation>第 {number} 项诉求</translation>
    </message>
    <message>
        <source>{where} takes KIND [AMOUNT [BASIS [DESCRIPTION]]]</source>
        <translation>{where} 的写法为：类型 [金额 [依据 [请求内容]]]</translation>
    </message>
    <message>
        <source>{where}: {value!r} is not one of {choices}</source>
        <translation>{where}：{value!r} 不在可选值之中（{choices}）</translation>
    </message>
    <message>
        <source>{where} amount</source>
        <translation>{where}的金额</translation>
    </message>
    <message>
        <source>{where}: expected a list of demands</source>
        <translation>{where}：应为诉求的列表</translation>
    </message>
    <message>
        <source>{source}: expected a JSON object of record fields (as in case.json)</source>
        <translation>{source}：应为由记录字段组成的 JSON 对象（字段名同 case.json）</translation>
    </message>
    <message>
        <source>{source}: unknown fields {fields} (fields are named as in case.json, e.g. complainant.address)</source>
        <translation>{source}：无法识别的字段 {fields}（字段名同 case.json，如 complainant.address）</translation>
    </message>
    <message>
        <source>{where}: expected text, not {value!r}</source>
        <translation>{where}：应为文字，而不是 {value!r}</translation>
    </message>
    <message>
        <source>Person or organisation</source>
        <translation>类型（自然人/组织）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所/地址</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Representative&apos;s title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>所在平台</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>投诉渠道</translation>
    </message>
    <message>
        <source>Channel reference</source>
        <translation>渠道编号</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Complaint time</source>
        <translation>投诉时间</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>Responsible party</source>
        <translation>责任方</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>责任认定理由</translation>
    </message>
    <message>
        <source>Our side</source>
        <translation>我方身份</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>事实经过</translation>
    </message>
    <message>
        <source>Law firm or employer</source>
        <translation>律师事务所/工作单位</translation>
    </message>
    <message>
        <source>Lawyer&apos;s licence number</source>
        <translation>律师执业证号</translation>
    </message>
    <message>
        <source>Authority (代理权限)</source>
        <translation>代理权限</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Platform / store</source>
        <translation>购买平台/店铺</translation>
    </message>
    <message>
        <source>Product or service</source>
        <translation>商品/服务</translation>
    </message>
    <message>
        <source>Brand and model</source>
        <translation>品牌型号</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount paid (yuan)</source>
        <translation>支付金额（元）</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Purchase time</source>
        <translation>购买时间</translation>
    </message>
    <message>
        <source>Time received (签收)</source>
        <translation>收货（签收）时间</translation>
    </message>
    <message>
        <source>Time the fault first appeared</source>
        <translation>故障出现时间</translation>
    </message>
    <message>
        <source>The goods are a mobile phone</source>
        <translation>所购商品是手机</translation>
    </message>
    <message>
        <source>Waybill number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Carrier on the waybill</source>
        <translation>运单上的快递公司</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Freight (yuan)</source>
        <translation>运费（元）</translation>
    </message>
    <message>
        <source>Insured (保价)</source>
        <translation>是否保价</translation>
    </message>
    <message>
        <source>Insured value (yuan)</source>
        <translation>保价金额（元）</translation>
    </message>
    <message>
        <source>Declared value (yuan)</source>
        <translation>声明价值（元）</translation>
    </message>
    <message>
        <source>Insurance fee (yuan)</source>
        <translation>保价费（元）</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>重量（千克）</translation>
    </message>
    <message>
        <source>Shipped at</source>
        <translation>寄件时间</translation>
    </message>
    <message>
        <source>Signed for at</source>
        <translation>快件签收时间</translation>
    </message>
    <message>
        <source>Signed for by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <source>How it was delivered</source>
        <translation>签收方式</translation>
    </message>
    <message>
        <source>Exception (damage, loss, delay…)</source>
        <translation>异常情况（破损、丢失、延误等）</translation>
    </message>
    <message>
        <source>Exception time</source>
        <translation>异常发生时间</translation>
    </message>
    <message>
        <source>Discovered at</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>受诉法院</translation>
    </message>
    <message>
        <source>Arbitration institution</source>
        <translation>仲裁机构</translation>
    </message>
    <message>
        <source>Consumer association or market regulator</source>
        <translation>消协或市场监管部门</translation>
    </message>
    <message>
        <source>Cause of action (案由)</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Arbitration or jurisdiction clause agreed</source>
        <translation>有无仲裁、法院管辖约定</translation>
    </message>
    <message>
        <source>The clause and its terms</source>
        <translation>约定条款及内容</translation>
    </message>
    <message>
        <source>Preservation applied for before filing</source>
        <translation>是否已诉前申请保全</translation>
    </message>
    <message>
        <source>Preservation: court, date, case number</source>
        <translation>保全法院、时间、案号</translation>
    </message>
    <message>
        <source>Consider mediation first (先行调解)</source>
        <translation>是否考虑先行调解</translation>
    </message>
    <message>
        <source>Identity papers ready to put in place of the packet&apos;s identity page</source>
        <translation>身份证明材料已备齐（替换材料包中的身份证明页）</translation>
    </message>
    <message>
        <source>Has read the court&apos;s notes on mediation</source>
        <translation>是否了解调解及先行调解说明</translation>
    </message>
    <message>
        <source>{where} needs a text</source>
        <translation>{where} 需要填写内容</translation>
    </message>
    <message>
        <source>{where}: expected an object with type, amount and basis</source>
        <translation>{where}：应为含类型、金额和依据的对象</translation>
    </message>
    <message>
        <source>{where}: unknown keys {keys}</source>
        <translation>{where}：无法识别的键 {keys}</translation>
    </message>
    <message>
        <source>{where} cannot be empty</source>
        <translation>{where}不能为空</translation>
    </message>
    <message>
        <source>{where}: {value} is before the complaint time ({complained})</source>
        <translation>{where}：{value} 早于投诉时间（{complained}）</translation>
    </message>
    <message>
        <source>{where}: choose one of {choices}</source>
        <translation>{where}：请从 {choices} 中选择</translation>
    </message>
    <message>
        <source>MANIFEST.sha256 lists no file: the case was made before CaseFile wrote {anchor} and holds no evidence yet, so &apos;sha256sum -c MANIFEST.sha256&apos;, the check README.txt gives, fails with &quot;no properly formatted checksum lines found&quot; though nothing is wrong. &apos;casefile repair {number}&apos; writes {anchor} and lists it in the manifest, after which that check passes</source>
        <translation>MANIFEST.sha256 未列出任何文件：本案件建于 CaseFile 写入 {anchor} 之前，且尚无证据，因此按 README.txt 所述运行 &apos;sha256sum -c MANIFEST.sha256&apos; 会报 &quot;no properly formatted checksum lines found&quot;，但案件并无问题。运行 &apos;casefile repair {number}&apos; 会写入 {anchor} 并将其列入清单，此后该核验即可通过</translation>
    </message>
    <message>
        <source>the team library still notes this case damaged: only a verification by a member who may change the case clears the note</source>
        <translation>团队库仍将此案件标记为损坏：只有有权修改该案件的成员核验通过后才能清除此标记</translation>
    </message>
    <message>
        <source>{names}: incomplete, it does not open as a picture; not a photo the store can keep: wait for the phone to finish sending it, or take the photo again (nothing was registered)</source>
        <translation>{names} 不完整，无法作为图片打开，不能作为本店留存的照片：请等手机传完，或重新拍照（未登记任何内容）</translation>
    </message>
    <message>
        <source>{names}: not a picture, whatever its name says; not a photo the store can keep: choose the photo itself, or take it again (nothing was registered)</source>
        <translation>{names} 不是图片（与文件名不符），不能作为本店留存的照片：请选择照片本身，或重新拍照（未登记任何内容）</translation>
    </message>
    <message>
        <source>the team library&apos;s custody log of case {number} ends at entry {theirs}, but this PC already had entry {seq} from it: entries were removed from the team library</source>
        <translation>团队库中案件 {number} 的保管记录止于第 {theirs} 条，但本机此前已从团队库取得第 {seq} 条：团队库中的条目被删除</translation>
    </message>
    <message>
        <source>custody entry {seq} of case {number} in the team library is not the one this PC had from it: the team library&apos;s history of the case was rewritten</source>
        <translation>团队库中案件 {number} 的第 {seq} 条保管记录与本机此前从团队库取得的不同：团队库中该案件的历史被改写</translation>
    </message>
    <message>
        <source>keeping case {number} as this PC held it</source>
        <translation>保存本机原有的案件 {number}</translation>
    </message>
    <message>
        <source>{day} ({kind})</source>
        <translation>{day}（{kind}）</translation>
    </message>
    <message>
        <source>interrupted {day}, counted afresh (民法典 art. 195)</source>
        <translation>诉讼时效于{day}中断，重新计算（民法典第一百九十五条）</translation>
    </message>
    <message>
        <source>{what} recorded {day}, after the complaint: counted from the complaint, check</source>
        <translation>{what}记录为{day}，晚于投诉：自投诉之日起算，请核对</translation>
    </message>
    <message>
        <source>possible interruption {days} if it was a demand to the obligor or its agreeing to perform: check</source>
        <translation>{days}的联系如系向义务人提出履行请求或者义务人同意履行，诉讼时效中断：请核对</translation>
    </message>
    <message>
        <source>START DOUBTFUL: {doubt}</source>
        <translation>起算日期存疑：{doubt}</translation>
    </message>
    <message>
        <source>safe day from {safe}, runs from {start}</source>
        <translation>稳妥起算日为{safe}，按记录自{start}起算</translation>
    </message>
    <message>
        <source>the claim lodged with a body</source>
        <translation>向有关机构提出的请求</translation>
    </message>
    <message>
        <source>the complainant&apos;s proposal</source>
        <translation>投诉方提出的处理方案</translation>
    </message>
    <message>
        <source>call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>在线沟通</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>到访</translation>
    </message>
    <message>
        <source>email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>proposal</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>confirmation</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系</translation>
    </message>
    <message>
        <source>a case is closed with its result and the complainant&apos;s satisfaction: use casefile close (in the app, Handling → Close case…), not the closed stage</source>
        <translation>结案须登记处理结果和投诉人满意度：请使用 casefile close（应用中为 处理 → 结案），而不是直接移至“结案”阶段</translation>
    </message>
    <message>
        <source>the periodic review comes after the closing: close the case first</source>
        <translation>定期复盘在结案之后进行：请先结案</translation>
    </message>
    <message>
        <source>{where}: {value!r} is not yes, no or unknown</source>
        <translation>{where}：{value!r} 不是“是”“否”或“未知”</translation>
    </message>
    <message>
        <source>The arbitration institution is not filled in: the cover and the application&apos;s addressee will be a blank to fill by hand. Enter the institution the arbitration agreement chose ({citation}), by its full name as the agreement gives it, whether an arbitration commission or an arbitration court ({names}): casefile edit {number} --arbitration-body NAME</source>
        <translation>未填写仲裁机构：封面和申请书“此致”处将留空待手填。请填写仲裁协议选定的仲裁机构（{citation}），按协议所写的全称填写，无论名为仲裁委员会还是仲裁院（{names}）：casefile edit {number} --arbitration-body 名称</translation>
    </message>
    <message>
        <source>The case holds no identity papers: the packet&apos;s identity page only lists what to attach: {papers}. Scan or photograph them and put them in place of that page, or after it, before filing; once they are ready: casefile edit {number} --identity-papers yes</source>
        <translation>案卷中未保存身份证明材料：材料包中的“身份证明”页只列出需附的材料：{papers}。提交前请将其扫描或拍照，替换该页（或附于该页之后）；备齐后：casefile edit {number} --identity-papers yes</translation>
    </message>
    <message>
        <source>{exhibits}: the arbitration agreement is marked void or waived, yet its proof purpose says it proves the agreement: in the plaintiff&apos;s own evidence list that is an admission ({admission}) the defendant can use to object that the case belongs to arbitration ({citation}). State the plaintiff&apos;s position in the proof purpose, e.g. “the clause is a standard term the shop set in advance and did not point out clearly, so it is void”, or leave the exhibit out of the packet</source>
        <translation>{exhibits}：该仲裁协议已标记为无效或已放弃，但其证明目的写的是证明该约定：写在原告自己的证据目录中，即构成对己不利事实的自认（{admission}），被告可据此主张本案应提交仲裁（{citation}）。请在证明目的中写明原告的主张，例如“证明该条款系店铺预设的格式条款，未以显著方式提示，应属无效”，或不将该证据放入材料</translation>
    </message>
    <message>
        <source>{exhibits}: the title is still the file&apos;s name, as the camera or phone gave it; the evidence list must state what each item is ({citation}). Give each a title saying what it shows, e.g. “photo of the damaged package”</source>
        <translation>{exhibits}：证据名称仍是相机或手机生成的文件名；证据目录须对每份证据的内容作简要说明（{citation}）。请为每份证据起一个说明其内容的名称，例如“外包装破损照片”</translation>
    </message>
    <message>
        <source>the respondent&apos;s proof of legal status (its business registration record)</source>
        <translation>被申请人主体资格证明（企业信用信息公示报告）</translation>
    </message>
    <message>
        <source>the law firm&apos;s letter</source>
        <translation>律师事务所函（所函）</translation>
    </message>
    <message>
        <source>a copy of the lawyer&apos;s practising certificate</source>
        <translation>律师执业证复印件</translation>
    </message>
    <message>
        <source>No organisation is named in the settings: the receipt leaves the store&apos;s name, address and phone blank, to fill by hand. Enter the store&apos;s details in Settings → General (Organisation name)</source>
        <translation>设置中未填写单位：回执上的门店名称、地址和电话将留空，需手工填写。请在“设置 → 常规（单位名称）”中填写门店信息。</translation>
    </message>
    <message>
        <source>{exhibits}: the e-mail&apos;s sender or recipient is recorded as no party&apos;s address, so the packet masks it as a third party&apos;s personal data. If it is a party&apos;s own (the complainant&apos;s mailbox, the business&apos;s service mailbox), enter it as that party&apos;s e-mail in the case details (several addresses separated by ；): a party&apos;s own address is then printed in full where the destination shows that party. To have every address at the business&apos;s own domain taken as the business&apos;s, add the domain to its e-mail as @domain (a public mail service&apos;s domain is never taken as anyone&apos;s)</source>
        <translation>{exhibits}：邮件的发件人或收件人地址未登记为任何当事人的地址，材料将其作为第三方个人信息遮盖。如该地址是当事人本人的（投诉人的邮箱、商家的客服邮箱），请在案件信息中将其填为该当事人的电子邮箱（多个地址用“；”分隔）：当事人本人的地址将在可向其展示该当事人信息的材料中完整打印。如商家自有域名下的所有地址均为商家的地址，请在商家的电子邮箱中加上“@域名”（公共邮箱服务的域名不会被视为任何人的）</translation>
    </message>
    <message>
        <source>No complaint to the courier company is recorded: an appeal to the postal administration (12305) is taken after complaining to the company, when it did not answer within 7 days or its answer did not satisfy ({citation}); the appeal will say that no complaint is recorded. Record the complaint with its date and ticket number: casefile event {number} --kind complaint --with courier --at TIME --ref TICKET</source>
        <translation>尚未记录向快递企业的投诉：向邮政管理部门申诉（12305）须先向快递企业投诉，投诉后7日内未得到答复或者对处理和答复不满意的方可申诉（{citation}）；申诉书将写明本案尚未记录投诉。请记录投诉的日期和工单号：casefile event {number} --kind complaint --with courier --at 时间 --ref 工单号</translation>
    </message>
    <message>
        <source>The receipt is issued in the name of “{name}” (the organisation in the settings), a name with “{word}” in it: a law firm, consumer association, regulator or tribunal, not a business. A walk-in receipt is the store&apos;s acknowledgement that it received the customer&apos;s complaint, and tells the customer to ask the store. Issue it from the store&apos;s own CaseFile, or enter the store under Settings → General (Organisation name)</source>
        <translation>回执将以“{name}”（设置中的单位）的名义出具，该名称含“{word}”，属于律师事务所、消费者协会、行政机关或仲裁/审判机构，而不是经营者。门店投诉受理回执是门店确认已收到顾客投诉的凭证，并告诉顾客向本店查询。请在门店自己的 CaseFile 中出具，或在“设置 → 常规（单位名称）”中填写门店。</translation>
    </message>
    <message>
        <source>{where}: not JSON ({exc})</source>
        <translation>{where}：不是 JSON（{exc}）</translation>
    </message>
    <message>
        <source>ID or credit code</source>
        <translation>身份证号码或统一社会信用代码</translation>
    </message>
    <message>
        <source>{path} cannot be set</source>
        <translation>{path} 无法设置</translation>
    </message>
    <message>
        <source>custody entry {seq} records the action {action!r}, made by a newer CaseFile; please upgrade</source>
        <translation>保管记录第 {seq} 条记载的操作 {action!r} 由更新版本的 CaseFile 写入，请升级</translation>
    </message>
    <message>
        <source>custody entry {seq}</source>
        <translation>保管记录第 {seq} 条</translation>
    </message>
    <message>
        <source>custody entry {seq} creates the case a second time</source>
        <translation>保管记录第 {seq} 条再次创建案件</translation>
    </message>
    <message>
        <source>case {number} was changed by {by} at {at} after you opened it: {fields}; nothing was saved — reload the case and make your change again</source>
        <translation>本案（{number}）在您打开后已被 {by} 于 {at} 修改：{fields}；您的修改未保存，请重新载入后再改</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>proof purpose</source>
        <translation>证明目的</translation>
    </message>
    <message>
        <source>capture time</source>
        <translation>形成时间</translation>
    </message>
    <message>
        <source>transcript</source>
        <translation>录音文字整理</translation>
    </message>
    <message>
        <source>whether the other side agrees</source>
        <translation>对方是否认可</translation>
    </message>
    <message>
        <source>why the other side disagrees</source>
        <translation>对方不认可的理由</translation>
    </message>
    <message>
        <source>what was handed over</source>
        <translation>收取的材料</translation>
    </message>
    <message>
        <source>whether it was kept</source>
        <translation>留存/退回</translation>
    </message>
    <message>
        <source>group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>the timeline event of {at}: {summary}</source>
        <translation>时间线上 {at} 的事件“{summary}”</translation>
    </message>
    <message>
        <source>the body</source>
        <translation>受理机构</translation>
    </message>
    <message>
        <source>their number</source>
        <translation>对方编号</translation>
    </message>
    <message>
        <source>when it was filed</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>when it was accepted</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>the hearings</source>
        <translation>开庭或调解时间</translation>
    </message>
    <message>
        <source>the testing periods</source>
        <translation>检测期间</translation>
    </message>
    <message>
        <source>the result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>when it was decided</source>
        <translation>决定时间</translation>
    </message>
    <message>
        <source>when it was served</source>
        <translation>送达时间</translation>
    </message>
    <message>
        <source>when it ended</source>
        <translation>终结时间</translation>
    </message>
    <message>
        <source>the note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>the exhibits</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Materials handed in</source>
        <translation>收取材料</translation>
    </message>
    <message>
        <source>proceeding {number}: {field}</source>
        <translation>程序 {number} 的{field}</translation>
    </message>
    <message>
        <source>{field} (by {by} at {at})</source>
        <translation>{field}（{by} 于 {at} 修改）</translation>
    </message>
    <message>
        <source>exhibit {number}: {field}</source>
        <translation>案卷编号{number}的证据的{field}</translation>
    </message>
    <message>
        <source>custody entry {seq} has an unreadable format version {version!r}</source>
        <translation>保管记录第 {seq} 条的格式版本 {version!r} 无法识别</translation>
    </message>
    <message>
        <source>{what} is in format {version}, made by a newer CaseFile (this one reads up to {current}); please upgrade</source>
        <translation>{what}为第 {version} 版格式，由更新版本的 CaseFile 写入（本版本最高可读第 {current} 版），请升级</translation>
    </message>
    <message>
        <source>{what} is in format {version}, which this CaseFile cannot read</source>
        <translation>{what}为第 {version} 版格式，本版本 CaseFile 无法读取</translation>
    </message>
    <message>
        <source>keeping a copy of {name} before updating its format</source>
        <translation>更新格式前保留 {name} 的副本</translation>
    </message>
    <message>
        <source>the period ends ({last}) before it starts ({first})</source>
        <translation>统计期间的结束日（{last}）早于开始日（{first}）</translation>
    </message>
    <message>
        <source>reading text from pictures (OCR) is not installed; install CaseFile with its OCR part: {command}</source>
        <translation>未安装图片文字识别（OCR）组件；请安装带 OCR 组件的 CaseFile：{command}</translation>
    </message>
    <message>
        <source>the OCR engine did not start ({reason})</source>
        <translation>文字识别引擎未能启动（{reason}）</translation>
    </message>
    <message>
        <source>the OCR worker answered {answer}</source>
        <translation>文字识别进程返回了意外的应答 {answer}</translation>
    </message>
    <message>
        <source>the file is missing from the case folder</source>
        <translation>案件文件夹中缺少该文件</translation>
    </message>
    <message>
        <source>the OCR worker stopped while reading the file ({reason})</source>
        <translation>识别该文件时文字识别进程意外停止（{reason}）</translation>
    </message>
    <message>
        <source>reading the file took longer than {seconds} seconds a page; it was stopped</source>
        <translation>识别该文件每页超过 {seconds} 秒，已停止</translation>
    </message>
    <message>
        <source>the picture is empty</source>
        <translation>图片为空</translation>
    </message>
    <message>
        <source>the picture is too large to read ({reason})</source>
        <translation>图片过大，无法识别（{reason}）</translation>
    </message>
    <message>
        <source>the PDF cannot be opened ({reason}); an encrypted PDF cannot be read</source>
        <translation>无法打开该 PDF（{reason}）；加密的 PDF 无法识别</translation>
    </message>
    <message>
        <source>the picture is too large to read ({width} × {height} pixels; at most {limit} million)</source>
        <translation>图片过大，无法识别（{width} × {height} 像素；最多 {limit} 百万像素）</translation>
    </message>
    <message>
        <source>the file needs more memory to read than there is</source>
        <translation>识别该文件所需内存超过可用内存</translation>
    </message>
    <message>
        <source>the file cannot be read ({reason})</source>
        <translation>无法读取该文件（{reason}）</translation>
    </message>
    <message>
        <source>the engine could not read the file ({reason})</source>
        <translation>识别引擎无法处理该文件（{reason}）</translation>
    </message>
    <message>
        <source>cannot read the search tables {path}: {orig}</source>
        <translation>无法读取检索表 {path}：{orig}</translation>
    </message>
    <message>
        <source>the evidence store {store} has no object with SHA-256 {digest}</source>
        <translation>证据库 {store} 中没有 SHA-256 为 {digest} 的对象</translation>
    </message>
    <message>
        <source>the evidence store {store} holds other bytes than SHA-256 {digest} names (read {size} bytes with SHA-256 {found}…): the stored object was changed or truncated</source>
        <translation>证据库 {store} 中 SHA-256 {digest} 名下的内容与该哈希不符（读到 {size} 字节，SHA-256 为 {found}…）：存储的对象已被改动或截断</translation>
    </message>
    <message>
        <source>the file&apos;s SHA-256 is {found}, not {digest} as expected; nothing was stored</source>
        <translation>文件的 SHA-256 为 {found}，而不是预期的 {digest}；未存储任何内容</translation>
    </message>
    <message>
        <source>the evidence store {store} retains SHA-256 {digest} until {until}; it cannot be deleted before</source>
        <translation>证据库 {store} 将 SHA-256 {digest} 保留至 {until}；在此之前不能删除</translation>
    </message>
    <message>
        <source>the evidence store {store} retains SHA-256 {digest} until {until}; retention cannot be shortened to {asked}</source>
        <translation>证据库 {store} 将 SHA-256 {digest} 保留至 {until}；保留期不能缩短至 {asked}</translation>
    </message>
    <message>
        <source>{value} is not a SHA-256 digest (64 hexadecimal digits)</source>
        <translation>{value} 不是 SHA-256 摘要（应为 64 位十六进制数字）</translation>
    </message>
    <message>
        <source>a retention date needs a time zone: {when}</source>
        <translation>保留日期需要带时区：{when}</translation>
    </message>
    <message>
        <source>the evidence store {store} keeps SHA-256 {digest} under a legal hold; it cannot be deleted</source>
        <translation>证据库 {store} 中的 SHA-256 {digest} 处于诉讼保全（法律保留）状态；不能删除</translation>
    </message>
    <message>
        <source>storing evidence in {store}</source>
        <translation>向 {store} 存储证据</translation>
    </message>
    <message>
        <source>reading evidence from {store}</source>
        <translation>从 {store} 读取证据</translation>
    </message>
    <message>
        <source>recording a retention date in {store}</source>
        <translation>在 {store} 中记录保留日期</translation>
    </message>
    <message>
        <source>changing a legal hold in {store}</source>
        <translation>在 {store} 中更改法律保留</translation>
    </message>
    <message>
        <source>deleting evidence from {store}</source>
        <translation>从 {store} 删除证据</translation>
    </message>
    <message>
        <source>changed since it was added</source>
        <translation>添加后已被改动</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <source>changed while it was being read</source>
        <translation>读取过程中被改动</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>a link to a file elsewhere, not a file kept in the case folder</source>
        <translation>是指向别处文件的链接，不是保存在案件文件夹中的文件</translation>
    </message>
    <message>
        <source>exhibit {number} ({path}): {reason}</source>
        <translation>案卷编号{number}（{path}）：{reason}</translation>
    </message>
    <message>
        <source>exhibit {number} ({path}): {reason} ({detail})</source>
        <translation>案卷编号{number}（{path}）：{reason}（{detail}）</translation>
    </message>
    <message>
        <source>case {case}: {count} exhibit file(s) differ from what the case recorded: {exhibits}. Nothing was made from them; run &apos;casefile verify {case}&apos; to check the whole case</source>
        <translation>案件 {case}：有 {count} 个证据文件与案件记录不符：{exhibits}。未据此生成任何材料；请运行“casefile verify {case}”核验整个案件</translation>
    </message>
    <message>
        <source>SHA-256 now {digest}…</source>
        <translation>现 SHA-256 为 {digest}…</translation>
    </message>
    <message>
        <source>a retention period is from 1 to {longest} years after the case&apos;s closing, not {years}</source>
        <translation>保存期限为结案后 1 至 {longest} 年，不能是 {years} 年</translation>
    </message>
    <message>
        <source>open cases are renewed from 1 to {longest} days ahead, not {days}</source>
        <translation>未结案件的暂定保存期限提前 1 至 {longest} 天续期，不能是 {days} 天</translation>
    </message>
    <message>
        <source>the evidence store {store} cannot be reached ({reason}) while {what}</source>
        <translation>{what}时无法连接证据库 {store}（{reason}）</translation>
    </message>
    <message>
        <source>reading the bucket&apos;s Object Lock</source>
        <translation>读取存储桶的对象锁定设置</translation>
    </message>
    <message>
        <source>{what} in {store} failed: {reason}</source>
        <translation>在 {store} 中{what}失败：{reason}</translation>
    </message>
    <message>
        <source>the bucket {store} has no Object Lock; evidence needs a bucket made with Object Lock on</source>
        <translation>存储桶 {store} 未启用对象锁定；证据需要存放在创建时已启用对象锁定的存储桶中</translation>
    </message>
    <message>
        <source>looking for evidence</source>
        <translation>查找证据</translation>
    </message>
    <message>
        <source>reading evidence</source>
        <translation>读取证据</translation>
    </message>
    <message>
        <source>setting a retention date</source>
        <translation>设置保留日期</translation>
    </message>
    <message>
        <source>changing a legal hold</source>
        <translation>更改法律保留</translation>
    </message>
    <message>
        <source>deleting evidence</source>
        <translation>删除证据</translation>
    </message>
    <message>
        <source>creating the bucket</source>
        <translation>创建存储桶</translation>
    </message>
    <message>
        <source>starting an upload</source>
        <translation>开始上传</translation>
    </message>
    <message>
        <source>storing evidence</source>
        <translation>存储证据</translation>
    </message>
    <message>
        <source>uploading part {number}</source>
        <translation>上传第 {number} 部分</translation>
    </message>
    <message>
        <source>finishing an upload</source>
        <translation>完成上传</translation>
    </message>
    <message>
        <source>{url} is not an evidence store address (folder:/PATH, share:/PATH or s3://BUCKET?endpoint=URL)</source>
        <translation>{url} 不是证据存储地址（folder:/路径、share:/路径 或 s3://存储桶?endpoint=网址）</translation>
    </message>
    <message>
        <source>case {number} does not verify, so it stays out: {summary}</source>
        <translation>案件 {number} 核验未通过，未移入：{summary}</translation>
    </message>
    <message>
        <source>wrong password, or no such login</source>
        <translation>密码错误，或没有此登录名</translation>
    </message>
    <message>
        <source>this login has been disabled</source>
        <translation>此登录名已被停用</translation>
    </message>
    <message>
        <source>file {path}</source>
        <translation>文件 {path}</translation>
    </message>
    <message>
        <source>case {number}: its custody log does not check</source>
        <translation>案件 {number}：保管日志核验未通过</translation>
    </message>
    <message>
        <source>case {number} is in the team library already with another custody log (its head there is not {head}); the two have gone separate ways and neither is overwritten</source>
        <translation>案件 {number} 已在团队案卷库中，但保管日志不同（那里的链头不是 {head}）；两者已分道而行，均不会被覆盖</translation>
    </message>
    <message>
        <source>no team library is set up here ({path}); run casefile team init first</source>
        <translation>此处未设置团队案卷库（{path}）；请先运行 casefile team init</translation>
    </message>
    <message>
        <source>the team library file {path} cannot be read ({exc})</source>
        <translation>无法读取团队案卷库文件 {path}（{exc}）</translation>
    </message>
    <message>
        <source>{url}: an S3 store is given as s3://BUCKET?endpoint=http://HOST:PORT</source>
        <translation>{url}：S3 存储的写法为 s3://存储桶?endpoint=http://主机:端口</translation>
    </message>
    <message>
        <source>the S3 store needs its keys: set {access} and {secret}, or keep them in the team file</source>
        <translation>S3 存储需要密钥：请设置 {access} 和 {secret}，或将其保存在团队文件中</translation>
    </message>
    <message>
        <source>the team catalogue {server} cannot be reached: {reason}</source>
        <translation>无法连接团队目录 {server}：{reason}</translation>
    </message>
    <message>
        <source>{url} is not a catalogue address (postgresql+psycopg://USER@HOST:PORT/DB)</source>
        <translation>{url} 不是团队目录地址（postgresql+psycopg://用户@主机:端口/数据库）</translation>
    </message>
    <message>
        <source>the team catalogue {server} cannot be opened: {reason}</source>
        <translation>无法打开团队目录 {server}：{reason}</translation>
    </message>
    <message>
        <source>{server} answers but holds no CaseFile catalogue; set it up with casefile team init</source>
        <translation>{server} 有应答，但其中没有 CaseFile 团队目录；请用 casefile team init 设置</translation>
    </message>
    <message>
        <source>the evidence store {store} is not there; set it up with casefile team init</source>
        <translation>证据存储 {store} 不存在；请用 casefile team init 设置</translation>
    </message>
    <message>
        <source>signing in to the team catalogue {server} as {login} was refused: {why}</source>
        <translation>以 {login} 登录团队目录 {server} 被拒绝：{why}</translation>
    </message>
    <message>
        <source>{login} may not use the team catalogue {server}; an administrator adds them as a user</source>
        <translation>{login} 无权使用团队目录 {server}；请管理员将其添加为用户</translation>
    </message>
    <message>
        <source>the evidence store {store} cannot be made: {exc}</source>
        <translation>无法创建证据存储 {store}：{exc}</translation>
    </message>
    <message>
        <source>timestamp {id}: {problem}</source>
        <translation>时间戳 {id}：{problem}</translation>
    </message>
    <message>
        <source>the Merkle root of its leaves is not the root that was stamped</source>
        <translation>由各叶计算出的默克尔树根与所签名的树根不符</translation>
    </message>
    <message>
        <source>the token&apos;s time or serial number is not the one the custody log recorded</source>
        <translation>时间戳的时间或序列号与保管记录所载不符</translation>
    </message>
    <message>
        <source>its tree does not cover the exhibits the custody log says it covers</source>
        <translation>其默克尔树所含证据与保管记录所载不符</translation>
    </message>
    <message>
        <source>its tree does not hold exactly one custody entry</source>
        <translation>其默克尔树未恰好包含一条保管记录</translation>
    </message>
    <message>
        <source>the custody entry {seq} it stamped is not in the custody log</source>
        <translation>其所签的第 {seq} 条保管记录不在保管记录中</translation>
    </message>
    <message>
        <source>custody entry {seq} is not the entry the TSA stamped: the custody log was rewritten from there on</source>
        <translation>第 {seq} 条保管记录不是时间戳服务机构所签的那一条：保管记录自该条起已被改写</translation>
    </message>
    <message>
        <source>the custody entry in its tree is not the one the custody log recorded for it</source>
        <translation>其默克尔树中的保管记录与保管记录为其所载的不符</translation>
    </message>
    <message>
        <source>it is attached before the custody entry it stamps</source>
        <translation>其附加早于其所签的保管记录</translation>
    </message>
    <message>
        <source>it was attached at {at}, before the TSA&apos;s time {time}</source>
        <translation>其附加时间 {at} 早于时间戳服务机构的时间 {time}</translation>
    </message>
    <message>
        <source>timestamp {id}: the TSA&apos;s certificate expired on {date} and no renewal was made before it; the token still validates as of its own time</source>
        <translation>时间戳 {id}：时间戳服务机构的证书已于 {date} 到期，且到期前未续签；该时间戳按其自身时间仍可核验</translation>
    </message>
    <message>
        <source>the custody log does not record its file {name}</source>
        <translation>保管记录未载明其文件 {name}</translation>
    </message>
    <message>
        <source>{path} is not as it was when the stamp was attached</source>
        <translation>{path} 与加盖时间戳时不一致</translation>
    </message>
    <message>
        <source>its tree {name} cannot be read ({exc})</source>
        <translation>无法读取其默克尔树 {name}（{exc}）</translation>
    </message>
    <message>
        <source>its files cannot be read ({exc})</source>
        <translation>无法读取其文件（{exc}）</translation>
    </message>
    <message>
        <source>the inclusion proof of leaf {n} does not lead to the stamped root</source>
        <translation>第 {n} 叶的包含证明不能推导出所签名的树根</translation>
    </message>
    <message>
        <source>custody entry {seq} is dated {at}, after the TSA&apos;s time {time}</source>
        <translation>第 {seq} 条保管记录的时间 {at} 晚于时间戳服务机构的时间 {time}</translation>
    </message>
    <message>
        <source>exhibit {number} in its tree is not the exhibit the case holds</source>
        <translation>其默克尔树中的证据 {number} 与本案所存证据不符</translation>
    </message>
    <message>
        <source>the earlier token it renews is not the one the case holds</source>
        <translation>其所续签的原时间戳与本案所存的不符</translation>
    </message>
    <message>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <source>no trusted timestamps: no timestamp authority (TSA) is chosen in the settings</source>
        <translation>未加盖可信时间戳：设置中未选择时间戳服务机构（TSA）</translation>
    </message>
    <message>
        <source>{name} ({login}) has no {role} access to case {number}</source>
        <translation>{name}（{login}）对案件 {number} 没有 {role} 权限</translation>
    </message>
    <message>
        <source>{name} ({login}) is not an administrator of this team library</source>
        <translation>{name}（{login}）不是此团队案卷库的管理员</translation>
    </message>
    <message>
        <source>there is no organisation {name} in the team library</source>
        <translation>团队案卷库中没有机构 {name}</translation>
    </message>
    <message>
        <source>there is no team {name} in {organisation}</source>
        <translation>{organisation} 中没有小组 {name}</translation>
    </message>
    <message>
        <source>there is no user {login} in the team library</source>
        <translation>团队案卷库中没有用户 {login}</translation>
    </message>
    <message>
        <source>access is given to one user, one team or one organisation</source>
        <translation>权限只能授予一个用户、一个小组或一个机构</translation>
    </message>
    <message>
        <source>a new user&apos;s database login {login} needs a password</source>
        <translation>新用户的数据库登录名 {login} 需要设置密码</translation>
    </message>
    <message>
        <source>The record shows {paid} already paid by the courier company: the loss table takes it off what the carrier owes in all (the goods&apos; value plus shipping fee, or the insured value when that is lower) and the claim asks for what is left; check the sums before filing</source>
        <translation>案卷记录快递企业已支付 {paid}：损失计算从快递企业应赔偿的总额（商品价值＋运费，已保价且保价金额较低的，为保价金额）中扣除该款项，请求金额为余额；提交前请核对金额</translation>
    </message>
    <message>
        <source>{day} is not a plausible day for a review (use days between {earliest} and {latest})</source>
        <translation>{day} 不是可统计的日期（请使用 {earliest} 年至 {latest} 年之间的日期）</translation>
    </message>
    <message>
        <source>the genuine file cannot be stored under its name, so nothing was stored. Keep the file, and tell whoever runs the evidence store (the team library&apos;s administrator): the object must be put right there, and until then every case naming this SHA-256 is damaged</source>
        <translation>真实文件无法以其名称存入，因此未存入任何内容。请保留该文件，并告知证据库的管理者（团队库管理员）：须在证据库中更正该对象，在此之前，凡指向此 SHA-256 的案件均视为已损坏</translation>
    </message>
    <message>
        <source>the evidence store {store} already holds other bytes under the name of this file (SHA-256 {digest}; the bytes there have SHA-256 {found}…), which a write-once store keeps: {advice}</source>
        <translation>证据库 {store} 中该文件的名称（SHA-256 {digest}）下已存有其他内容（其 SHA-256 为 {found}…），一次写入的存储会保留它：{advice}</translation>
    </message>
    <message>
        <source>the evidence store {store} already holds other bytes under the name of this file (SHA-256 {digest}; the bytes there have SHA-256 {found}…), locked by the store until {until}: {advice}</source>
        <translation>证据库 {store} 中该文件的名称（SHA-256 {digest}）下已存有其他内容（其 SHA-256 为 {found}…），且被存储锁定至 {until}：{advice}</translation>
    </message>
    <message>
        <source>setting aside other bytes found under the name of evidence</source>
        <translation>将证据名下发现的其他内容移至一旁</translation>
    </message>
    <message>
        <source>exhibit {n} ({path})</source>
        <translation>案卷编号{n}（{path}）</translation>
    </message>
    <message>
        <source>case {number}, {what}: {reason}</source>
        <translation>案件 {number}，{what}：{reason}</translation>
    </message>
    <message>
        <source>{text!r} is not a SHA-256 fingerprint (64 hexadecimal digits, colons allowed)</source>
        <translation>{text!r} 不是 SHA-256 指纹（应为 64 位十六进制数字，可含冒号）</translation>
    </message>
    <message>
        <source>{path} holds no root certificate (a self-signed one): choose the authority&apos;s root, not its own certificate</source>
        <translation>{path} 中没有根证书（自签名证书）：请选择时间戳服务机构的根证书，而非其自身的证书</translation>
    </message>
    <message>
        <source>not a certificate file (PEM or DER): {exc}</source>
        <translation>不是证书文件（PEM 或 DER）：{exc}</translation>
    </message>
    <message>
        <source>the TSA&apos;s token does not carry its root certificate: choose the TSA&apos;s CA certificate file in the settings</source>
        <translation>时间戳服务机构的时间戳未附带其根证书：请在设置中选择该机构的根证书文件</translation>
    </message>
    <message>
        <source>case {number}: its custody log has no readable last entry</source>
        <translation>案件 {number}：保管记录的末条无法读取</translation>
    </message>
    <message>
        <source>the TSA&apos;s CA certificate {path} cannot be read: {reason}</source>
        <translation>无法读取时间戳服务机构的根证书 {path}：{reason}</translation>
    </message>
    <message>
        <source>the TSA address {url} is not an http:// or https:// address</source>
        <translation>时间戳服务机构地址 {url} 不是 http:// 或 https:// 地址</translation>
    </message>
    <message>
        <source>the TSA refused the request ({status}: {text})</source>
        <translation>时间戳服务机构拒绝了请求（{status}：{text}）</translation>
    </message>
    <message>
        <source>the TSA&apos;s answer holds no time-stamp token</source>
        <translation>时间戳服务机构的应答中没有时间戳</translation>
    </message>
    <message>
        <source>the time-stamp token is not signed data</source>
        <translation>该时间戳不是签名数据</translation>
    </message>
    <message>
        <source>the TSA stamped another digest than the one asked for</source>
        <translation>时间戳服务机构所签的摘要与请求的不符</translation>
    </message>
    <message>
        <source>the TSA&apos;s answer does not carry the request&apos;s nonce (a replayed answer?)</source>
        <translation>时间戳服务机构的应答未带有请求的随机数（可能是重放的应答）</translation>
    </message>
    <message>
        <source>the token stamps a {algorithm} digest, not SHA-256</source>
        <translation>该时间戳所签为 {algorithm} 摘要，而非 SHA-256</translation>
    </message>
    <message>
        <source>the token stamps another digest than the Merkle root of its tree</source>
        <translation>该时间戳所签的摘要不是其默克尔树的树根</translation>
    </message>
    <message>
        <source>the TSA&apos;s certificate chain holds no root certificate to check the token against</source>
        <translation>时间戳服务机构的证书链中没有可用于核验的根证书</translation>
    </message>
    <message>
        <source>the token&apos;s signature does not match its content (the token was altered)</source>
        <translation>时间戳的签名与其内容不符（时间戳已被改动）</translation>
    </message>
    <message>
        <source>the token&apos;s signature is not valid</source>
        <translation>时间戳的签名无效</translation>
    </message>
    <message>
        <source>the token does not validate: the TSA&apos;s certificate was not valid at the token&apos;s time {time} ({reason})</source>
        <translation>时间戳核验未通过：时间戳服务机构的证书在时间戳时间 {time} 不在有效期内（{reason}）</translation>
    </message>
    <message>
        <source>the TSA&apos;s certificate does not chain to the root kept beside the token ({reason})</source>
        <translation>时间戳服务机构的证书不能链接到随附的根证书（{reason}）</translation>
    </message>
    <message>
        <source>the TSA at {url} answered HTTP {code}</source>
        <translation>时间戳服务机构 {url} 返回 HTTP {code}</translation>
    </message>
    <message>
        <source>the TSA at {url} cannot be reached: {reason}</source>
        <translation>无法连接时间戳服务机构 {url}：{reason}</translation>
    </message>
    <message>
        <source>the certificate file is not PEM: {exc}</source>
        <translation>证书文件不是 PEM 格式：{exc}</translation>
    </message>
    <message>
        <source>the TSA&apos;s answer is not an RFC 3161 time-stamp response</source>
        <translation>时间戳服务机构的应答不是 RFC 3161 时间戳应答</translation>
    </message>
    <message>
        <source>the token&apos;s signature does not validate: {reason}</source>
        <translation>时间戳的签名核验未通过：{reason}</translation>
    </message>
    <message>
        <source>the transcript has no lines</source>
        <translation>文字整理中没有内容</translation>
    </message>
    <message>
        <source>transcript line {number}: {at} is not a time in the recording</source>
        <translation>文字整理第 {number} 行：{at} 不在录音时长之内</translation>
    </message>
    <message>
        <source>transcript line {number} does not start with a time such as 00:01:23 张三：</source>
        <translation>文字整理第 {number} 行没有以时间开头（如 00:01:23 张三：）</translation>
    </message>
    <message>
        <source>{text!r} is not a phone number (a mobile like 13812345678, a landline like 010-12345678, or 400-123-4567)</source>
        <translation>{text!r} 不是电话号码（手机如 13812345678，座机如 010-12345678，或 400-123-4567）</translation>
    </message>
    <message>
        <source>{text!r} is not an 18-character unified social credit code</source>
        <translation>{text!r} 不是 18 位统一社会信用代码</translation>
    </message>
    <message>
        <source>{text!r}: the check character of this credit code is wrong (mistyped?)</source>
        <translation>{text!r}：信用代码的校验位不对（是否输错？）</translation>
    </message>
    <message>
        <source>{where}: {text!r} is not a resident ID number (18 characters: 17 digits and a check digit or X; an old 15-digit number is accepted when its birth date is real)</source>
        <translation>{where}：{text!r} 不是公民身份号码（18 位：17 位数字加 1 位校验码，校验码可为 X；15 位旧号码在出生日期真实时可以接受）</translation>
    </message>
    <message>
        <source>{where}: {text!r}: the check digit of this ID number is wrong (mistyped?)</source>
        <translation>{where}：{text!r}：身份证号码的校验码不对（是否输错？）</translation>
    </message>
    <message>
        <source>{where}: {text!r}: the birth date in this ID number ({date}) is not a real date</source>
        <translation>{where}：{text!r}：号码中的出生日期（{date}）不是真实的日期</translation>
    </message>
    <message>
        <source>{where}: {text!r}: the birth date in this ID number ({date}) is in the future</source>
        <translation>{where}：{text!r}：号码中的出生日期（{date}）晚于今天</translation>
    </message>
    <message>
        <source>{where}: {text!r} is not a postcode (six digits, e.g. 200030)</source>
        <translation>{where}：{text!r} 不是邮政编码（6 位数字，如 200030）</translation>
    </message>
    <message>
        <source>{where}: {text!r} is not an email address</source>
        <translation>{where}：{text!r} 不是电子邮箱地址</translation>
    </message>
    <message>
        <source>{where}: {text!r} is not a plausible birth date (from {earliest} to today)</source>
        <translation>{where}：{text!r} 不是合理的出生日期（应在 {earliest} 年至今天之间）</translation>
    </message>
    <message>
        <source>{where}: {text!r} is not a gender (男 or 女, male or female)</source>
        <translation>{where}：{text!r} 不是性别（男或女）</translation>
    </message>
    <message>
        <source>{where}: {value!r} is not a quantity (a whole number from 1 to {limit})</source>
        <translation>{where}：{value!r} 不是数量（1 至 {limit} 的整数）</translation>
    </message>
    <message>
        <source>{where}: {value} is not a weight in kilograms (e.g. 1.25; at most three decimals)</source>
        <translation>{where}：{value} 不是以千克计的重量（如 1.25，最多三位小数）</translation>
    </message>
    <message>
        <source>{where}: {value} is not a plausible time (use a date between {earliest} and {latest})</source>
        <translation>{where}：{value} 不是合理的时间（请使用 {earliest} 年至 {latest} 年之间的日期）</translation>
    </message>
    <message>
        <source>{where}: {value} is more than {limit} yuan; check the amount</source>
        <translation>{where}：{value} 超过 {limit} 元，请核对金额</translation>
    </message>
    <message>
        <source>{where} is too long: {length} characters (at most {limit})</source>
        <translation>{where} 过长：{length} 个字符（最多 {limit} 个）</translation>
    </message>
    <message>
        <source>{where} contains a control character ({char}), which cannot be printed; type it again without it</source>
        <translation>{where}含有无法打印的控制字符（{char}），请去掉后重新输入</translation>
    </message>
    <message>
        <source>{where} contains {char}, half of a character (a broken copy or file); type it again without it</source>
        <translation>{where} 含有 {char}，是半个字符（复制或文件已损坏）；请去掉后重新输入</translation>
    </message>
    <message>
        <source>{where}: {value} is in the future; check the date</source>
        <translation>{where}：{value} 晚于现在，请核对日期</translation>
    </message>
    <message>
        <source>transcript: the recording ends ({ended}) before it starts ({started})</source>
        <translation>文字整理：录音结束时间（{ended}）早于开始时间（{started}）</translation>
    </message>
    <message>
        <source>{where}: the birth date {born} does not match the one in the ID number ({stated})</source>
        <translation>{where}：出生日期 {born} 与身份证号码中的出生日期（{stated}）不一致</translation>
    </message>
    <message>
        <source>{where}: {text!r} is not an 18-character unified social credit code</source>
        <translation>{where}：{text!r} 不是 18 位的统一社会信用代码</translation>
    </message>
    <message>
        <source>{where}: {text!r}: the check character of this credit code is wrong (mistyped?)</source>
        <translation>{where}：{text!r}：信用代码的校验位不对（是否输错？）</translation>
    </message>
    <message>
        <source>{where}: {text!r} is an old 15-digit ID number, which has no check digit; only its birth date can be checked, and 19{date} is not a real date</source>
        <translation>{where}：{text!r} 是 15 位旧身份证号码，没有校验码，只能核对出生日期，而 19{date} 不是真实的日期</translation>
    </message>
    <message>
        <source>{where}: {text!r} is not a date (e.g. 1990-05-01)</source>
        <translation>{where}：{text!r} 不是日期（如 1990-05-01）</translation>
    </message>
    <message>
        <source>{where}: {text!r} is not one of {choices}</source>
        <translation>{where}：{text!r} 不是可选值之一（{choices}）</translation>
    </message>
    <message>
        <source>{where}: {value} is not a weight</source>
        <translation>{where}：{value} 不是重量</translation>
    </message>
    <message>
        <source>{where}: {text!r} is not a phone number (a mobile like 13812345678, a landline like 010-12345678, or 400-123-4567)</source>
        <translation>{where}：{text!r} 不是电话号码（手机如 13812345678，座机如 010-12345678，或 400-123-4567）</translation>
    </message>
    <message>
        <source>transcript line {number}: the time mark {mark} is beyond the end of the recording ({length}); check the transcript against the recording</source>
        <translation>文字整理第 {number} 行：时间标记 {mark} 超出录音长度（{length}），请对照录音核对整理稿</translation>
    </message>
    <message>
        <source>{where}: {text!r} is a resident ID number; an organisation is named by its unified social credit code</source>
        <translation>{where}：{text!r} 是公民身份号码；组织应填写统一社会信用代码</translation>
    </message>
    <message>
        <source>{where}: {text!r} is a unified social credit code; for a person give the resident ID number (or make the party an organisation)</source>
        <translation>{where}：{text!r} 是统一社会信用代码；自然人请填写公民身份号码（或把该当事人改为组织）</translation>
    </message>
    <message>
        <source>unknown destination {text!r} (use {choices})</source>
        <translation>未知的提交对象 {text!r}（可用：{choices}）</translation>
    </message>
    <message>
        <source>a {venue} packet cannot go to {route} (destinations: {allowed})</source>
        <translation>{venue} 材料不能提交给 {route}（可选：{allowed}）</translation>
    </message>
    <message>
        <source>{path} is a link (to {target}), not a file kept in the case folder: a copy of the folder would not hold its bytes. Put the file itself back in its place</source>
        <translation>{path} 是链接（指向 {target}），不是保存在案件文件夹中的文件：复制该文件夹不会带上它的内容。请把文件本身放回原处</translation>
    </message>
    <message>
        <source>{path}: the team library&apos;s evidence store has no object with SHA-256 {digest}</source>
        <translation>{path}：团队库的证据库中没有 SHA-256 为 {digest} 的对象</translation>
    </message>
    <message>
        <source>{path}: the team library&apos;s evidence store holds other bytes than the case recorded (SHA-256 {found}…, not {digest}): the stored object was changed or truncated</source>
        <translation>{path}：团队库证据库中的内容与案件记录不符（SHA-256 为 {found}…，而非 {digest}）：存储的对象已被改动或截断</translation>
    </message>
    <message>
        <source>MANIFEST.sha256: {problem}</source>
        <translation>MANIFEST.sha256：{problem}</translation>
    </message>
    <message>
        <source>MANIFEST.sha256 lists {path}, which the custody log never recorded</source>
        <translation>MANIFEST.sha256 列有 {path}，但保管记录中从未记录过它</translation>
    </message>
    <message>
        <source>the custody log cannot be replayed: {exc}</source>
        <translation>保管记录无法重放：{exc}</translation>
    </message>
    <message>
        <source>the folder is named {folder} but holds case {case} (renamed outside CaseFile?)</source>
        <translation>文件夹名为 {folder}，但其中是案件 {case}（是否在 CaseFile 之外改过名？）</translation>
    </message>
    <message>
        <source>the custody log ends at entry {entries} but case.json has seen entry {seq}: entries were cut off the end</source>
        <translation>保管记录止于第 {entries} 条，但 case.json 已记录到第 {seq} 条：末尾的条目被删掉了</translation>
    </message>
    <message>
        <source>MANIFEST.sha256 does not list {path}</source>
        <translation>MANIFEST.sha256 中没有 {path}</translation>
    </message>
    <message>
        <source>MANIFEST.sha256 gives {path} a hash the custody log never recorded</source>
        <translation>MANIFEST.sha256 中 {path} 的哈希值从未出现在保管记录中</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}</source>
        <translation>{path} 无法读取：{reason}</translation>
    </message>
    <message>
        <source>case.json differs from its custody log in: {fields} (edited outside CaseFile?)</source>
        <translation>case.json 与保管记录在以下字段不一致：{fields}（是否在 CaseFile 之外编辑过？）</translation>
    </message>
    <message>
        <source>Claim the costs of the proceedings (court or arbitration fees) from the other side (not entered: yes)</source>
        <translation>主张诉讼费用或仲裁费用由对方承担（未填写：是）</translation>
    </message>
    <message>
        <source>this run was not recorded: the library is read-only</source>
        <translation>本次核验未记录：案卷库为只读</translation>
    </message>
    <message>
        <source>this run was not recorded: the case is damaged, so nothing is written to it</source>
        <translation>本次核验未记录：案件已损坏，不再写入任何内容</translation>
    </message>
    <message>
        <source>this run could not be recorded in the custody log: {exc}</source>
        <translation>本次核验未能记入保管记录：{exc}</translation>
    </message>
    <message>
        <source>no folder at {folder}</source>
        <translation>{folder} 处没有文件夹</translation>
    </message>
    <message>
        <source>{folder} is inside the library; attach a folder outside it (each case&apos;s inbox is watched already)</source>
        <translation>{folder} 在案卷库之内；请关联案卷库以外的文件夹（每个案件的收件箱已在监视中）</translation>
    </message>
    <message>
        <source>{path} is not a CaseFile list of attached folders</source>
        <translation>{path} 不是 CaseFile 的关联文件夹列表</translation>
    </message>
    <message>
        <source>{path} has no valid version number</source>
        <translation>{path} 没有有效的版本号</translation>
    </message>
    <message>
        <source>{path} was written by a newer CaseFile (version {version}); please upgrade to use the attached folders</source>
        <translation>{path} 由较新版本的 CaseFile 写入（版本 {version}）；请升级 CaseFile 后再使用关联文件夹</translation>
    </message>
    <message>
        <source>{folder} is not attached to case {case}</source>
        <translation>{folder} 未关联到案件 {case}</translation>
    </message>
    <message>
        <source>the list of attached folders</source>
        <translation>关联文件夹列表</translation>
    </message>
    <message>
        <source>{folder} is already attached to case {case}</source>
        <translation>{folder} 已关联到案件 {case}</translation>
    </message>
    <message>
        <source>reading {name}</source>
        <translation>读取 {name}</translation>
    </message>
    <message>
        <source>{path}: this PC&apos;s working copy still holds the file the case recorded ({copy}); keep a copy of it for whoever puts the store right (the copy here is a cache and may be replaced)</source>
        <translation>{path}：本机的工作副本中仍有案件记录的文件（{copy}）；请另存一份，交给负责更正证据库的人（本机副本只是缓存，可能被替换）</translation>
    </message>
    <message>
        <source>a generated bundle is missing or altered ({paths}); it is CaseFile&apos;s output, not evidence: &apos;casefile repair {number}&apos; records it in the custody log as lost (an altered one is moved to {aside}/), after which the case verifies; then make a new bundle if you need it</source>
        <translation>生成的证据材料缺失或被改动（{paths}）；它是 CaseFile 生成的文件，不是证据：运行 &apos;casefile repair {number}&apos; 会在保管记录中记为遗失（被改动的文件移到 {aside}/），之后案件即可通过核验；如需要，再重新生成证据材料</translation>
    </message>
    <message>
        <source>{path}: a generated bundle recorded as altered on {when} by {operator} (custody entry {seq}); the altered file was moved to {aside}. The evidence is not affected: make a new bundle if needed</source>
        <translation>{path}：生成的证据材料已于 {when} 由 {operator} 记为被改动（保管记录第 {seq} 条），被改动的文件已移到 {aside}。证据不受影响：如需要，请重新生成证据材料</translation>
    </message>
    <message>
        <source>{path}: a generated bundle recorded as lost on {when} by {operator} (custody entry {seq}). The evidence is not affected: make a new bundle if needed</source>
        <translation>{path}：生成的证据材料已于 {when} 由 {operator} 记为遗失（保管记录第 {seq} 条）。证据不受影响：如需要，请重新生成证据材料</translation>
    </message>
    <message>
        <source>{names}: empty (0 bytes), not a photo the store can keep; wait for the phone to finish sending it, or take the photo again (nothing was registered)</source>
        <translation>{names} 是空文件（0 字节），不能作为本店留存的照片；请等手机传完，或重新拍照（尚未登记）</translation>
    </message>
    <message>
        <source>{folder} is a whole drive or the home folder: every file at its top would become evidence of case {case} and be moved out of it. Attach the folder the phone, scanner or screenshots save into; to attach this one all the same, confirm it (casefile attach --wide)</source>
        <translation>{folder} 是整个磁盘或个人主文件夹：其中最上层的每个文件都会成为案件 {case} 的证据，并被移出该文件夹。请关联手机同步、扫描仪或截图保存文件的那个文件夹；如确要关联此文件夹，请确认（casefile attach --wide）</translation>
    </message>
    <message>
        <source>{folder} is the library&apos;s own folder {inside}, reached by another path (a second mount of the drive or share, or a link); attach a folder outside the library</source>
        <translation>{folder} 就是案卷库自己的文件夹 {inside}，只是经由另一路径访问（同一磁盘或共享的第二个挂载点，或链接）；请关联案卷库以外的文件夹</translation>
    </message>
    <message>
        <source>{name} is waiting: the case is in use by another CaseFile window or command</source>
        <translation>{name} 正在等待：案件正被另一个 CaseFile 窗口或命令使用</translation>
    </message>
    <message>
        <source>{name} is still being written; it is left for the next run</source>
        <translation>{name} 仍在写入，留待下次处理</translation>
    </message>
    <message>
        <source>unexpected error while watching: {reason}</source>
        <translation>监视文件夹时出现意外错误：{reason}</translation>
    </message>
    <message>
        <source>the folder {folder} is attached to case {case}, which is not in this library</source>
        <translation>文件夹 {folder} 关联的案件 {case} 不在本案卷库中</translation>
    </message>
    <message>
        <source>{reason}. Nothing is taken from it or moved out of it</source>
        <translation>{reason}。不会从中取走或移出任何文件</translation>
    </message>
    <message>
        <source>{name} is in the case now, but it could not be cleared from the watched folder: {reason}</source>
        <translation>{name} 已加入案件，但无法从监视文件夹中移走：{reason}</translation>
    </message>
    <message>
        <source>the folder {folder} is not available; it is watched again once it is back</source>
        <translation>文件夹 {folder} 暂不可用，恢复后将继续监视</translation>
    </message>
    <message>
        <source>the team library names a file {rel!r} outside its case folder; refused</source>
        <translation>团队案卷库所列文件 {rel!r} 位于案卷文件夹之外；已拒绝</translation>
    </message>
    <message>
        <source>case {number}: its custody log in the working copy changed outside the change; nothing was sent</source>
        <translation>案件 {number}：工作副本中的保管记录在本次修改之外被改动；未发送任何内容</translation>
    </message>
    <message>
        <source>the team library&apos;s custody log of case {number} does not check: {problems}</source>
        <translation>团队库中案件 {number} 的保管记录核验不通过：{problems}</translation>
    </message>
    <message>
        <source>the team library&apos;s custody log of case {number} ends at entry {theirs}, before the {here} entries this working copy verified</source>
        <translation>团队库中案件 {number} 的保管记录止于第 {theirs} 条，少于本机工作副本已核验的 {here} 条</translation>
    </message>
    <message>
        <source>fetching {name} from the evidence store</source>
        <translation>从证据存储取回 {name}</translation>
    </message>
    <message>
        <source>case {number} is being changed by another client of the team library; try again</source>
        <translation>案件 {number} 正由团队案卷库的另一用户修改；请稍后再试</translation>
    </message>
    <message>
        <source>case {number}: custody entry {seq} written here does not follow the team library&apos;s log; nothing was sent</source>
        <translation>案件 {number}：本机写入的保管记录第 {seq} 条未接续团队案卷库的记录；未发送任何内容</translation>
    </message>
    <message>
        <source>case {number}: the log changed</source>
        <translation>案件 {number}：保管记录已改变</translation>
    </message>
    <message>
        <source>case {number} was put back</source>
        <translation>案件 {number} 已恢复原状</translation>
    </message>
    <message>
        <source>the custody log could not be compared with the team library&apos;s: {exc}</source>
        <translation>未能将保管记录与团队库中的核对：{exc}</translation>
    </message>
    <message>
        <source>the team library&apos;s custody entry {seq} of case {number} does not match its own line</source>
        <translation>团队库中案件 {number} 的第 {seq} 条保管记录与其自身内容不符</translation>
    </message>
    <message>
        <source>custody entry {seq} of case {number} in the team library differs from the one this working copy verified</source>
        <translation>团队库中案件 {number} 的第 {seq} 条保管记录与本机工作副本已核验的不同</translation>
    </message>
    <message>
        <source>writing case {number} in the working copy</source>
        <translation>在工作副本中写入案件 {number}</translation>
    </message>
    <message>
        <source>case {number} was brought up to date</source>
        <translation>案件 {number} 已更新至最新</translation>
    </message>
    <message>
        <source>no working day within a year after {day}: the calendar data is wrong</source>
        <translation>{day} 之后一年内没有工作日：日历数据有误</translation>
    </message>
    <message>
        <source>{path} is not a CaseFile calendar file (format {format} expected)</source>
        <translation>{path} 不是 CaseFile 日历文件（应为 {format} 格式）</translation>
    </message>
    <message>
        <source>{path} holds no years</source>
        <translation>{path} 中没有任何年份</translation>
    </message>
    <message>
        <source>{path}: the year {year} has no list of days</source>
        <translation>{path}：{year} 年没有日期列表</translation>
    </message>
    <message>
        <source>{path}: {item} is not a year of the calendar</source>
        <translation>{path}：{item} 不是日历中的年份</translation>
    </message>
    <message>
        <source>{path}: the year {year} lists no rest days</source>
        <translation>{path}：{year} 年没有列出休息日</translation>
    </message>
    <message>
        <source>{path}: {day} is listed both as a rest day and as a working day</source>
        <translation>{path}：{day} 同时被列为休息日和工作日</translation>
    </message>
    <message>
        <source>{path}: {day} is listed under the year {year}</source>
        <translation>{path}：{day} 被列在 {year} 年之下</translation>
    </message>
    <message>
        <source>cannot read the calendar file {path}: {reason}</source>
        <translation>无法读取日历文件 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path}: the year {year} leaves out holidays the law fixes as rest days (全国年节及纪念日放假办法 art. 2): {days}; this is not the State Council&apos;s arrangement for the year</source>
        <translation>{path}：{year} 年缺少法定休假日（《全国年节及纪念日放假办法》第二条）：{days}；这不是国务院对该年的放假安排</translation>
    </message>
    <message>
        <source>{path}: {item} is not a date</source>
        <translation>{path}：{item} 不是日期</translation>
    </message>
    <message>
        <source>{where}: {value!r} is not a satisfaction from 1 (very dissatisfied) to 5 (very satisfied)</source>
        <translation>{where}：{value!r} 不是满意度（1 为非常不满意，5 为非常满意）</translation>
    </message>
    <message>
        <source>{where}: no exhibit {numbers} in case {case}</source>
        <translation>{where}：案件 {case} 中没有证据 {numbers}</translation>
    </message>
    <message>
        <source>{where}: {value} is before {what} ({earlier})</source>
        <translation>{where}：{value} 早于{what}（{earlier}）</translation>
    </message>
    <message>
        <source>the case is closed: reopen it, with the reason, before recording more of its handling</source>
        <translation>案件已结案：请先说明理由重新开案，再记录处理情况</translation>
    </message>
    <message>
        <source>a proposal needs a summary of what is proposed</source>
        <translation>方案须写明内容</translation>
    </message>
    <message>
        <source>case {case} has {count} negotiation round(s); casefile show numbers them</source>
        <translation>案件 {case} 共有 {count} 轮协商；casefile show 列出编号</translation>
    </message>
    <message>
        <source>an answer is accepted, rejected or countered</source>
        <translation>答复须为接受、拒绝或还价</translation>
    </message>
    <message>
        <source>round {round} was answered already ({answer}); record a new proposal instead</source>
        <translation>第 {round} 轮已答复（{answer}）；请记录新的方案</translation>
    </message>
    <message>
        <source>the proposal</source>
        <translation>方案提出时间</translation>
    </message>
    <message>
        <source>the filing</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>the filing or acceptance</source>
        <translation>提交或受理时间</translation>
    </message>
    <message>
        <source>the decision</source>
        <translation>决定时间</translation>
    </message>
    <message>
        <source>case {case} has {count} proceeding(s); casefile show numbers them</source>
        <translation>案件 {case} 共有 {count} 项程序；casefile show 列出编号</translation>
    </message>
    <message>
        <source>a proceeding has no field {fields}</source>
        <translation>程序记录没有字段 {fields}</translation>
    </message>
    <message>
        <source>a testing period of this proceeding is still open: end it first</source>
        <translation>该程序的检测期间尚未结束：请先记录结束</translation>
    </message>
    <message>
        <source>no testing period of this proceeding is open</source>
        <translation>该程序没有进行中的检测期间</translation>
    </message>
    <message>
        <source>amount: a payment is more than zero</source>
        <translation>金额：付款须大于零</translation>
    </message>
    <message>
        <source>the case is closed already (casefile reopen, with the reason, opens it again)</source>
        <translation>案件已结案（casefile reopen 说明理由后可重新开案）</translation>
    </message>
    <message>
        <source>the case is not closed: only a closed case can be reopened</source>
        <translation>案件未结案：只有已结案的案件才能重新开案</translation>
    </message>
    <message>
        <source>reopening a case needs a reason</source>
        <translation>重新开案须说明理由</translation>
    </message>
    <message>
        <source>the closing</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <source>the outcome</source>
        <translation>处理结果时间</translation>
    </message>
    <message>
        <source>the last reopening</source>
        <translation>最近一次重新开案时间</translation>
    </message>
    <message>
        <source>the case entered its current stage</source>
        <translation>本案进入当前阶段的时间</translation>
    </message>
    <message>
        <source>its start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>the purchase</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>the receipt of the goods</source>
        <translation>收货</translation>
    </message>
    <message>
        <source>the shipment</source>
        <translation>寄件</translation>
    </message>
    <message>
        <source>the signature for the parcel</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>the parcel&apos;s exception</source>
        <translation>快件异常</translation>
    </message>
    <message>
        <source>the fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>the discovery of the exception</source>
        <translation>发现快件异常</translation>
    </message>
    <message>
        <source>the complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>{what} ({date}) is before {other} ({other_date})</source>
        <translation>{what}（{date}）早于{other}（{other_date}）</translation>
    </message>
    <message>
        <source>the timeline event</source>
        <translation>时间线事件</translation>
    </message>
    <message>
        <source>the timeline event “{summary}” ({date}) is more than a year before {other} ({other_date})</source>
        <translation>时间线事件“{summary}”（{date}）比{other}（{other_date}）早一年以上</translation>
    </message>
    <message>
        <source>at: {value} is before the case entered its current stage ({since}); a stage follows the one before it</source>
        <translation>时间：{value} 早于本案进入当前阶段的时间（{since}）；各阶段须按先后顺序</translation>
    </message>
    <message>
        <source>moving case {case} to {stage} skips {skipped}: confirm the skip, with a note saying why (casefile stage --skip-stages --note …)</source>
        <translation>将案件 {case} 移至 {stage} 会跳过 {skipped}：请确认跳过，并在备注中说明原因（casefile stage --skip-stages --note …）</translation>
    </message>
    <message>
        <source>skipping stages needs a note saying why</source>
        <translation>跳过阶段须在备注中说明原因</translation>
    </message>
    <message>
        <source>a resource file is missing: {path} (reinstall CaseFile)</source>
        <translation>缺少资源文件：{path}（请重新安装 CaseFile）</translation>
    </message>
</context>
<context>
    <name>times</name>
    <message>
        <source>“{text}” is later than this field takes (at the latest {limit}).</source>
        <translation>“{text}”晚于此处允许的时间（最晚 {limit}）。</translation>
    </message>
    <message>
        <source>“{text}” is earlier than this field takes (at the earliest {limit}).</source>
        <translation>“{text}”早于此处允许的时间（最早 {limit}）。</translation>
    </message>
    <message>
        <source>“{text}” is not a possible time here. Type it as {example}.</source>
        <translation>“{text}”不是有效的时间。请按 {example} 输入。</translation>
    </message>
    <message>
        <source>{shown} or {digits}</source>
        <translation>{shown} 或 {digits}</translation>
    </message>
    <message>
        <source>Type a time as {example}.</source>
        <translation>时间可输入为 {example}。</translation>
    </message>
    <message>
        <source>The response promise ran out at %1 (%2 h from the complaint): answer at once</source>
        <translation>响应承诺已于 %1 到期（自投诉起 %2 小时），请立即答复投诉人</translation>
    </message>
</context>
</TS>
