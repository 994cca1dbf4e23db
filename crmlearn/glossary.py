"""English-Chinese glossary of the course (术语表), with a one-line definition per term.

Each term belongs to one or more chapters (0 = the welcome tour, 1-9 = the chapters).
Chapter notebooks show their key-terms table with :func:`key_terms_table`; learners look a
term up with :func:`lookup` (English or Chinese, simplified or traditional characters,
abbreviations and common synonyms too) or from the command line: ``crmlearn glossary RFM``.
Traditional characters are converted with OpenCC's Python port, imported on the first lookup
that contains Chinese. :func:`matches` shows every entry a query matches and how.

>>> lookup("CLV").chinese
'客户生命周期价值'
>>> lookup("客户分级").english
'Customer grading'
>>> lookup("客戶金字塔").english
'Customer pyramid'
>>> lookup("no such thing") is None
True
"""
from __future__ import annotations

import difflib
import html
import re
import unicodedata
import warnings
from functools import lru_cache
from typing import Iterable, NamedTuple

__all__ = ["Term", "terms", "lookup", "matches", "suggest", "key_terms_table", "KeyTermsTable"]

# english | chinese (variants separated by ";") | chapters | definition | aliases (separated by ";")
_DATA = """
Customer | 客户 | 1 | A person or organisation that buys, or may buy, the firm's products or services; the sources write 客户 and 顾客 alike. | customers; client; clients; 顾客
Customer relationship management (CRM) | 客户关系管理 | 1 | Managing relationships with customers systematically so that satisfaction, loyalty and long-term value grow. | CRM
Customer management | 客户管理 | 1 | Building and keeping good customer relationships through data, communication and personalised service. |
Customer relationship maintenance | 客户关系维护 | 1 | The continuing work of keeping a relationship healthy so that satisfaction and loyalty can grow. |
Customer-service management system | 客户服务管理体系 | 1 | The organisation, processes and tools a firm sets up to serve and manage its customers. |
Customer-centred | 以客户为中心 | 1 | A philosophy that puts the customer's needs at the centre of the firm's decisions. | customer-centric; customer centred; customer-centred service philosophy; 以客户为中心的服务理念; 客户导向
Customer resources | 客户资源 | 1 | A firm's customers and the data about them, managed as one of its most valuable assets. |
Strategic partnership | 战略伙伴关系 | 1; 5 | A relationship in which the supplier helps the customer succeed in its own market. |
Win-win | 双赢 | 1 | An outcome that benefits both the supplier and the customer. |
Sales assistance | 销售协助 | 1 | Helping a customer sell more of the supplier's products, e.g. with training or promotion support. |
Joint marketing | 联合营销 | 1 | Marketing run together with a customer or partner to reach both firms' buyers. |
Bundled marketing | 捆绑营销 | 1 | Selling several products or services together as one package. | bundling
Value-added service | 增值服务 | 1; 6 | Service beyond the basic offer, such as free advice or extra after-sales help. | VAS
Cross-selling | 交叉销售 | 1; 4 | Selling further product lines to a customer who already buys from the firm. | cross-sell
Up-selling | 向上销售 | 1 | Persuading a customer to buy a higher-value version of what they already buy. | upselling; up-sell
Package solution | 一揽子解决方案 | 1 | A bundled set of products and services that covers a customer's whole need. | one-stop solution; 一揽子通信解决方案; 一站式解决方案
Data-driven decision making | 数据驱动决策 | 1; 2 | Basing marketing and service decisions on analysed customer data rather than on intuition. |
Personalised service | 个性化服务 | 1; 3; 8 | Service tailored to one customer's specific needs and preferences. | personalized service
Word of mouth | 口碑 | 1; 7 | What customers tell others about a firm; trusted more than advertising. | WOM
Customer acquisition cost | 客户获取成本 | 1; 9 | What it costs on average to win one new customer (marketing and sales spend per new customer). | CAC; acquisition cost
Cost of churn | 流失成本 | 1; 9 | The revenue lost and the extra acquisition spending caused by customers who leave. |
Volume growth without revenue growth | 增量不增收 | 1 | More users or traffic without more revenue, as seen at Chinese telecom operators. |
Technology-first mindset | 技术至上 | 1 | Focusing on technology and networks while neglecting customers' needs. |
Customer is God | 顾客是上帝 | 1 | A slogan that the customer is always right; the course debates its limits. |
Customer relationship life cycle | 客户关系生命周期 | 1; 9 | The stages of a relationship: acquisition, development and maintenance, maturity, decline or win-back. | customer lifecycle; customer life cycle
Customer acquisition | 客户获取 | 1; 9 | The life-cycle stage in which research and marketing turn prospects into customers. |
Touchpoint | 接触点 | 1; 3; 9 | Any point where a customer and the firm meet: a call, a visit, a website, an invoice. | touch point
Retail customer | 零售客户 | 2 | An individual or household buying products for its own use. | consumer; retail consumer; 消费者; 零售顾客
Business customer (merchant) | 商家 | 2 | A buyer that builds the firm's product into its own offer and sells it on. | business customer; merchant
Channel distributor | 渠道经销商 | 2 | An intermediary that buys the firm's products in order to resell them. | distributor; channel; dealer; 经销商; 渠道商
Licensed agent | 持牌代理人 | 2 | An authorised local representative who sells or uses the firm's products without being paid by it. |
Internal customer | 内部客户 | 2 | A person or department inside the firm that receives its services. |
Customer types by nature | 按客户性质分类 | 2 | Classifying customers as retail, business, channel or internal; the most used basic classification. | nature type; customer type
Customer group identification | 识别客户群体 | 2 | Finding the firm's real customers by asking who pays, who decides and who benefits. |
Purchase decision maker | 购买决策者 | 2; 8 | The person who decides whether a purchase is made. | decision maker
Beneficiary | 受益者 | 2 | The person or unit that actually benefits from the product or service. |
Quality customer | 优质客户 | 2 | An honest customer that trusts the firm and provides a stable cash flow. | high-quality customer
Customer value analysis | 客户价值分析 | 2; 4 | Judging what customers are worth from their transactions, lifetime value and survey answers. |
Customer segmentation | 客户细分 | 2 | Dividing customers into groups whose members are alike in needs, traits or behaviour. | segmentation
Segmentation basis | 细分依据 | 2 | The kind of variable used to segment: behaviour, demographics, geography or psychographics. | segmentation variable; segmentation bases; segmentation method; 客户细分方法; 细分变量
Behavioural segmentation | 基于购买行为的细分 | 2 | Grouping customers by how they buy, e.g. frequent versus one-time buyers. | behavioral segmentation; purchase-behaviour segmentation; 基于购买行为; 行为细分
Psychographic segmentation | 基于心理特征的细分 | 2 | Grouping customers by interests, values and lifestyle. | 基于心理特征; 心理细分
Demographic segmentation | 基于人口统计特征的细分 | 2 | Grouping customers by age, gender, income and similar personal data. | 基于人口统计特征; 人口统计细分
Geographic segmentation | 基于地理位置的细分 | 2 | Grouping customers by region, city or city tier. | 基于地理位置; 地理细分
Key-opinion-leader customer | 关键意见领袖客户 | 2 | A customer whose opinions influence what other customers think and buy. | KOL
Predictive model | 预测模型 | 2; 9 | A model that estimates a customer's future purchases, value or risk of leaving. |
Cluster analysis | 聚类分析 | 2 | Finding groups of similar customers in data without predefined labels. | clustering
k-means clustering | K均值聚类 | 2 | Splits customers into k groups by repeatedly assigning each to the nearest group centre and moving the centres. | k-means; kmeans
Cluster centroid | 聚类中心 | 2 | The average profile of the customers in one cluster. | centroid
Standardisation (z-score) | 标准化 | 2; 4 | Rescaling a variable to mean 0 and standard deviation 1 so that variables in different units can be combined. | z-score; standardization; standardise
Elbow method | 肘部法则 | 2 | Choosing the number of clusters where adding another one stops reducing the within-cluster spread much. | elbow
Silhouette coefficient | 轮廓系数 | 2 | For each customer, how much closer it is to its own cluster than to the next one (-1 to 1); the average judges a clustering. | silhouette; silhouette score
Segment profile | 细分画像 | 2 | A table describing each segment by the averages or shares of its variables. | customer profile; persona
One-to-one marketing | 一对一营销 | 3 | Marketing that treats each customer as an individual: know, differentiate, talk to and adapt to each one. | 1:1 marketing; one to one marketing
I.D.I.C model | I.D.I.C模型 | 3 | Identify, Differentiate, Interact, Customize: the four steps of one-to-one marketing. | IDIC; IDIC model
Identify (customers) | 识别你的客户 | 3 | Capture, check and keep up to date the information on who each customer is. | identify
Differentiate (customers) | 对客户进行差异分析 | 3 | Rank customers by their value to the firm and tell apart their needs. | differentiate
Interact (with customers) | 与客户保持互动接触 | 3 | Keep efficient, personal two-way contact and remember what was said. | interact
Customize | 调整产品或服务以满足每一个客户的需要 | 3 | Adapt products, services and communication to each customer's needs. | customise; customization
Gradual approach | 渐入法 | 3 | Asking only one or two questions per contact, building up the customer's profile over time. |
Cleaning the customer file | 净化客户信息文件 | 3 | Removing outdated, wrong or duplicate records from the customer database. | data cleaning; data cleansing; 净化; 清洗客户数据; 数据清洗
Duplicate record | 重复记录 | 3 | Two or more records in the customer file that describe the same customer. | duplicate
Deduplication | 去重 | 3 | Finding and merging duplicate customer records, e.g. by normalised name, phone and e-mail. | dedupe; dedup; record linkage
Stale record | 过时记录 | 3 | A customer record that has not been checked or updated for a long time. | stale data
Golden record | 黄金记录; 主记录 | 3 | The one record kept for a customer after its duplicate records are merged, built field by field by a survivorship rule. | golden records; master record
Survivorship rule | 存续规则 | 3 | The rule that decides which value of a group of duplicate records the golden record keeps (e.g. the newest non-missing one). | survivorship
Blocking (record linkage) | 分块 | 3 | Comparing only records that share a key (phone, e-mail, name key), so that deduplication need not compare every pair. | blocking
Pair precision and recall | 配对精确率与召回率 | 3 | Of the record pairs a method links, the share that are true duplicates (precision); of the true duplicate pairs, the share it links (recall). | precision; recall
Next best offer | 下一最佳推荐 | 3 | The product or service a customer does not buy yet that it is most likely to want next, e.g. from co-purchase lift. | next-best offer; NBO
Revenue at risk | 风险收入 | 1 | Revenue whose only relationship owner is one person, so that it may leave with that person. |
Contact log | 联系记录 | 3; 6 | The record of every contact with a customer: when, how, who, what about and the outcome. | contact history
Gold customer | 金牌客户 | 3; 4 | One of the top customers (e.g. the top 5% or 20%) by sales or predicted sales. |
Bad customer | 烂户 | 3 | A customer that rarely orders or makes the firm lose tenders. |
Mystery customer | 神秘客户 | 3; 7 | A tester who poses as a customer to judge the service from the customer's side. | mystery shopper
First-contact resolution | 一次即圆满 | 3; 7 | Solving a request or complaint completely at the first contact. | first contact resolution; FCR; first-time resolution
Complaint handling | 投诉处理 | 3; 7 | Receiving, resolving and learning from customers' complaints. |
Relationship marketing | 关系营销 | 3; 8 | Marketing aimed at long-term relationships rather than at single transactions. |
Customer grading | 客户分级 | 4 | Ranking customers into levels by their value so that each level can be served differently. | customer tiering; customer classification
Differential treatment | 差别待遇; 差异待遇 | 4 | Treating customers differently according to their value and needs. |
Classified management | 分类管理 | 1; 4 | Managing customers by category and concentrating resources on the most important ones. |
80/20 rule | 二八法则; 80/20规则 | 4 | About 20% of customers bring about 80% of sales or profit. | Pareto principle; 80-20 rule; 2/8 rule; 80/20 customer golden rule; 80/20客户黄金定律; 二八定律; 帕累托法则; 帕累托原则
Pareto chart | 帕累托图 | 4 | Bars of customers sorted by value with a line of the cumulative share: shows how concentrated revenue is. | Pareto diagram
Cumulative share | 累计占比 | 4 | The running total of value, from the largest customer down, divided by the grand total. | cumulative percentage
Revenue concentration | 收入集中度 | 4; 5 | How much of the revenue comes from a few customers. | concentration
Lorenz curve | 洛伦兹曲线 | 4 | Plots the cumulative share of value against the cumulative share of customers, from smallest to largest; the further below the diagonal, the more unequal. |
Gini coefficient | 基尼系数 | 4 | Twice the area between the diagonal and the Lorenz curve: 0 when every customer is worth the same, close to 1 when one customer is worth everything. | Gini; Gini index
A/B/C classification | A、B、C三类; ABC分类 | 3; 4 | Three value classes by cumulative share of value (e.g. A up to 80%, B up to 95%); resources move from C to A. | ABC analysis; ABC classification
Customer tier model | 客户层级模型 | 4 | The four-level model of platinum, gold, iron and lead customers. | tier model; customer pyramid tiers
Platinum tier | 铂金层级 | 4 | The most profitable customers: long-standing users (恒久用户), not very price-sensitive, willing to spend and try new products, fairly loyal. | platinum
Gold tier | 黄金层级 | 4 | Profitable customers that seek discounts and use several suppliers. | gold
Iron tier | 钢铁层级 | 4 | Many customers that fill capacity but do not merit special treatment. | iron
Lead tier | 重铅层级 | 4 | Customers who bring no profit (不能带来盈利) and make heavy demands: "problem customers" who tie up resources. | lead
Grading indicators | 客户分级指标 | 4 | The measures used to grade customers, in four families: transaction, financial, contact and characteristic. | grading indicator
Transaction indicators | 交易类指标 | 4 | Grading measures from orders: number, amount, profit, margin, returns, tenure, purchase cycle. | transaction indicator
Financial indicators | 财务类指标 | 4 | Grading measures from invoices and payments: amounts received, collection cycle, arrears. | financial indicator
Contact indicators | 联络类指标 | 4 | Grading measures from the contact log: tasks, processes, praise, complaints and suggestions. | contact indicator
Characteristic indicators | 特征类指标 | 4 | Grading measures from the customer's own attributes, e.g. size, industry, region, income. | characteristic indicator
Number of transactions | 交易次数 | 4 | How many orders a customer placed in the period. |
Gross margin rate | 毛利率 | 4 | Gross profit (sales minus cost of goods) divided by sales. | gross margin
Average order value | 平均单笔交易额 | 4 | The customer's total amount divided by its number of orders. | AOV; average transaction amount
Return rate | 退货率 | 4 | The share of sales (or orders) that customers send back. |
Average purchase cycle | 平均交易周期 | 4; 9 | The mean number of days between a customer's consecutive orders. | inter-purchase time; purchase cycle
Cost to serve | 服务成本 | 4 | What it costs per year to sell to and serve one customer (visits, support, delivery, admin). | cost-to-serve; service cost
Customer profitability | 客户盈利能力 | 4 | What a customer earns the firm: gross profit minus the cost to serve it. | customer profit; customer margin
Negative-margin customer | 亏损客户 | 4 | A customer whose cost to serve exceeds the gross profit it brings. | loss-making customer; unprofitable customer
Average collection cycle | 平均收款周期 | 4 | The average time between invoicing a customer and being paid. | days sales outstanding; DSO; days to pay
Arrears rate | 欠款率 | 4 | The amount still owed divided by the amount invoiced. | arrears
Single-indicator classification | 单一指标分类法 | 4 | Grading customers on one measure, such as annual sales. | single-indicator grading
Multi-indicator analysis | 多重指标分析法 | 4 | Grading customers on several measures combined, e.g. a weighted score. | multi-indicator grading; weighted score
Customer value scorecard | 客户价值记分卡 | 4 | A tool with four perspectives (financial, service, customer, sales) that rates current and potential value. | value scorecard; scorecard
Current value | 现实价值 | 4 | The value a customer delivers now. |
Potential value | 潜在价值 | 4 | The value a customer could deliver in the future. |
Customer pyramid | 客户金字塔 | 4 | Customers arranged in value layers: a few at the top, many at the base. | pyramid
VIP grading | VIP分级 | 4 | A pyramid scheme built around VIP levels. |
Platinum grading | 铂金分级 | 4 | A pyramid scheme using platinum, gold, iron and lead levels. |
Platinum / gold / silver card | 白金卡; 金卡; 银卡 | 4 | Card tiers that label customer grades. | card tiers; 白金卡/金卡/银卡
Core customer | 核心客户 | 4 | A customer at the top of the pyramid, managed intensively. |
Non-core customer | 非核心客户 | 4 | A lower-value customer, to be upgraded, handed to a third party or dropped. |
RFM analysis | RFM分析 | 4 | Scores customers on Recency, Frequency and Monetary value of their purchases to grade and target them. | RFM; RFM model
Recency | 最近一次消费 | 4; 9 | How long ago the customer last bought; the shorter, the more likely they buy again. |
Frequency | 消费频率 | 4; 9 | How often the customer bought in the period (number of orders or of repeat purchases). |
Monetary value | 消费金额 | 4; 9 | How much the customer spent in the period (total or average per order). | monetary
RFM score | RFM得分 | 4 | The customer's recency, frequency and monetary scores (often quintiles 1-5), combined as a code such as 5-4-5 or a sum. | RFM cell
Quantile (quintile) | 分位数(五分位) | 4 | Cut-offs that split customers into equal-sized groups; quintiles make five groups of 20%. | quintile; quantile
Key account (KA) | 大客户 | 5 | A high-value or high-potential customer: few transactions but a large share of revenue, loyal and long-term. | KA; key account; major account; major customer; critical customer; key accounts; 主要客户; 关键客户
Key customer | 重点客户 | 5 | Another name for a key account. |
Key-account management (KAM) | 大客户管理 | 5; 6 | Organising sales and service around the few accounts that matter most. | KAM; key account management
Economic key account | 经济大客户 | 5 | A key account because of its purchase volume or value. |
Important customer | 重要客户 | 5 | A key account for reasons beyond volume, such as influence or reputation. |
Group customer | 集团客户 | 5 | A corporate group that buys across several of its units. |
Strategic customer | 战略客户 | 5 | A customer that matters to the supplier's strategy, e.g. as a partner in a new market. |
Group-buying customer | 团购客户 | 5 | A one-off bulk buyer; large but not a key account. | group buy; one-off group buyer; 偶然大量消费的团购客户
Exploitative big buyer | 扒皮大户 | 5 | A large customer that squeezes the supplier; not worth long-term investment. | squeezer; squeezers
Herfindahl index | 赫芬达尔指数 | 5 | The sum of the squared revenue shares of the accounts: 1/n when n accounts are alike, 1 for a single account. | HHI; Herfindahl-Hirschman index
Radiation effect | 辐射效应 | 5 | A key account's influence that attracts or reassures other customers. |
Market share | 市场占有率 | 5 | The firm's share of total sales in its market. |
Key-account criteria | 大客户标准 | 5 | The standards an account must meet to count as key: value, potential, strategic fit, influence. | key account criteria; basic standards of a key account; 大客户基本标准
Customer concentration risk | 客户集中风险 | 5 | The danger of depending on a few large customers for most of the revenue. |
Key-account service system | 大客户服务体系 | 6 | A dedicated team, attention to service details, care plans, strategic support and a database for key accounts. |
Account manager | 客户经理 | 6 | The person responsible for serving one customer or a set of customers. |
Dedicated account team | 大客户服务团队 | 6 | A named person or team that serves an important key account for the long term. | dedicated service team; 专门的大客户服务团队或委派专人; 专属服务团队; 大客户服务团队或委派专人
Three dedications (Lenovo) | 三专(专有、专注、专家) | 6 | Lenovo's key-account service: dedicated resources, focus on the customer's success, expert staff. | three dedications; 联想三专; 三专; 联想"三专"大客户服务体系; 专有; 专注; 专家
One-to-one exclusive service | 一对一专属服务 | 6 | Service with long-term commitment, tailor-made solutions and fast response for one account. | long-term lock-in; tailor-made customisation; timely response; 长期锁定; 贴身定制; 及时响应
Priority system (PAS) | 优先权系统 | 6 | Nippon Paint's priorities in product, applicability and service for its strategic clients. | PAS; Nippon Paint PAS; PAS system; 立邦战略客户PAS系统; PAS系统; 相适应
Service tier | 服务等级 | 6 | A level of service (e.g. basic, enhanced, premium) matched to a customer's grade. | service level
Service-level agreement (SLA) | 服务水平协议 | 6 | A written promise of response and resolution times for a customer. | SLA
Customer-care plan | 客户关怀计划 | 6 | Planned care actions for individual customers and for groups of customers. | care plan
Customer club | 客户俱乐部 | 6; 8 | A membership community that gives customers benefits and a sense of belonging. |
Frequent flyer | 常旅客 | 6 | An airline loyalty membership based on miles flown. |
Co-branded card | 联名卡 | 6 | A credit card issued jointly by a bank and a partner brand. |
Platinum service | 白金服务 | 6 | Air China's service level for the senior leaders of its largest contract customers, second only to VIP service. |
Cloud Reading | 云端阅读 | 6 | CITIC Bank's book-lending service for air travellers, a cross-industry marketing first in Chinese banking. |
Cross-industry marketing | 跨界营销 | 6 | Joint marketing by firms from different industries. |
Customer information database | 客户信息库 | 6 | The central store of customer profiles and contact history. | customer database
Key-account information card | 大客户资料卡 | 6 | A record of a key account's profile and of each contact with its agreed next step. | account card; KA card; key account information card; 大客户信息卡; 客户资料卡; 客户信息卡
Next-step plan | 下一步计划 | 6 | The follow-up action agreed at the end of a contact with a key account. |
Promised callback | 承诺回访 | 6 | A date by which the firm has promised to get back to the customer. | callback
Regular follow-up visits | 定期沟通与回访 | 6; 8 | Planned calls and visits that keep the relationship active. | follow-up; regular follow-up and feedback; 定期跟进与反馈; 定期回访
Direct selling | 直销 | 6 | Selling to customers without intermediaries, as in Dell's model. |
Inside / field sales staff | 内勤/外勤销售人员 | 6 | Office-based staff who care for accounts by phone, and staff who meet customers face to face. | inside sales; field sales; inside sales staff; field sales staff; 内勤销售人员; 外勤销售人员; 内勤; 外勤
Customer satisfaction | 客户满意 | 7 | A feeling that comes from comparing the performance a customer perceives with what they expected. | satisfaction; CSAT; customer satisfaction level; 客户满意度; 顾客满意
Expectation disconfirmation | 期望不一致 | 7 | The gap between perceived performance and expectation: positive delights, negative disappoints. | disconfirmation; expectancy disconfirmation
Customer delivered value | 客户让渡价值 | 7 | Total customer value minus total customer cost. | delivered value
Total customer value | 客户总价值 | 7 | All the benefits a customer receives: product, service, personnel and image value. | 总价值; 顾客总价值
Total customer cost | 客户总成本 | 7 | All the costs a customer bears: money, time, energy and psychological cost. | 总成本; 顾客总成本
Expected service | 期望服务 | 7 | The level of service the customer anticipates. |
Perceived service | 感知服务 | 7 | The level of service the customer feels was delivered. |
Customer expectation | 客户期望值 | 7 | The anticipated level, formed by past experience, word of mouth and personal needs. | expectation
Expectation inflation | 超期望价值退化为基本价值 | 7 | What once exceeded expectations becomes the standard that everybody expects. |
Psychological needs | 心理需求 | 7 | Emotional, security and respect needs beyond the functional benefit. | emotional needs; security needs; respect needs; 情感需求; 安全需求; 尊重需求
Customer perception model | 客户感知模型 | 7 | A model of how customers perceive service quality. |
Total customer satisfaction model | 客户全面满意模型 | 7 | A model of overall satisfaction built from its drivers. |
Customer-satisfaction strategy | 客户满意度战略 | 7 | A strategy built around raising customer satisfaction. |
Customer feedback mechanism | 客户反馈机制 | 7 | Channels, regular collection, analysis and handling of customers' feedback. | feedback mechanism
Likert scale | 李克特量表 | 7 | A rating scale with ordered answers, e.g. 1 = strongly disagree to 5 = strongly agree. | Likert
Top-2-box share | 前两项比例 | 7 | The share of respondents giving one of the two best answers on a rating scale. | top two box; top-2-box; T2B
Service quality | 服务质量 | 7 | How well a service meets or exceeds what customers expect. |
SERVQUAL | SERVQUAL服务质量模型 | 7 | Measures service quality as perception minus expectation on items grouped in five dimensions. | servqual model
SERVQUAL gap | 服务质量差距 | 7 | Perception score minus expectation score for an item or dimension; negative means the service falls short. | service gap; gap score
Tangibles | 有形性 | 7 | SERVQUAL dimension: physical facilities, equipment, staff appearance and materials. |
Reliability | 可靠性 | 7 | SERVQUAL dimension: performing the promised service dependably and accurately. |
Responsiveness | 响应性 | 7 | SERVQUAL dimension: willingness to help customers and give prompt service. |
Assurance | 保证性 | 7 | SERVQUAL dimension: staff knowledge and courtesy that inspire trust and confidence. |
Empathy | 移情性 | 7 | SERVQUAL dimension: caring, individual attention to each customer. |
Gap model of service quality | 服务质量差距模型 | 7 | Explains poor service by five gaps between expectations, management's view, specifications, delivery and communication. | five gaps model
Kano model | 卡诺模型 | 7 | Sorts product or service features by how their presence or absence affects satisfaction. | Kano
Must-be quality | 必备质量 | 7 | Kano category: expected as a matter of course; its absence causes dissatisfaction, its presence no delight. | must-be; basic quality
One-dimensional quality | 一元质量 | 7 | Kano category: the more of it, the more satisfied; the less, the less satisfied. | one-dimensional; performance quality
Attractive quality | 魅力质量 | 7 | Kano category: delights when present but is not missed when absent. | attractive; delighter
Indifferent quality | 无差异质量 | 7 | Kano category: makes no difference to satisfaction either way. | indifferent
Reverse quality | 反向质量 | 7 | Kano category: its presence lowers satisfaction for this customer. | reverse
Kano evaluation table | 卡诺评价表 | 7 | Maps each answer pair (functional and dysfunctional question) to a Kano category. | Kano table
Functional / dysfunctional question | 正向/反向问题 | 7 | The Kano survey pair: how do you feel if the feature is present, and if it is absent? |
Better-worse coefficients | 满意/不满意系数 | 7 | Kano indices: how much a feature can raise satisfaction (better) and how much its absence lowers it (worse). | customer satisfaction coefficient; better worse
Importance-performance analysis (IPA) | 重要性-绩效分析 | 7 | Plots attributes by importance and performance into four quadrants to decide where to improve. | IPA; importance performance analysis
Concentrate here | 重点改进区 | 7 | IPA quadrant: high importance, low performance; fix these first. |
Keep up the good work | 继续保持区 | 7 | IPA quadrant: high importance, high performance. |
Low priority | 低优先区 | 7 | IPA quadrant: low importance, low performance. |
Possible overkill | 过度投入区 | 7 | IPA quadrant: low importance, high performance; resources may be better used elsewhere. |
Net Promoter Score (NPS) | 净推荐值 | 7; 8 | The percentage of promoters (9-10) minus the percentage of detractors (0-6) on "how likely are you to recommend us?" (0-10). | NPS; net promoter score
Promoter | 推荐者 | 7; 8 | An NPS respondent scoring 9 or 10. | promoters
Passive | 被动者 | 7; 8 | An NPS respondent scoring 7 or 8; counted in the total but in neither group. | passives
Detractor | 贬损者 | 7; 8 | An NPS respondent scoring 0 to 6. | detractors
Customer satisfaction index (CSI) | 顾客满意度指数 | 7 | A national or company index that links expectations, quality, value, satisfaction, complaints and loyalty in one model. | CSI; ACSI; CCSI; customer satisfaction index model
Latent variable | 潜变量 | 7 | A quantity that cannot be measured directly (e.g. satisfaction) and is inferred from several survey items. | construct
Cronbach's alpha | 克朗巴哈系数 | 7 | Internal-consistency reliability of a multi-item scale; about 0.7 or more is usually taken as acceptable. | Cronbach alpha; coefficient alpha; alpha
PLS path model | 偏最小二乘路径模型 | 7 | Estimates the links between latent variables (e.g. quality -> satisfaction -> loyalty) by partial least squares. | PLS-SEM; PLS; partial least squares path model
Path coefficient | 路径系数 | 7 | The estimated strength of one arrow in a path model. |
Customer loyalty | 客户忠诚 | 8 | A customer's continued commitment to buy from and support the firm. | loyalty; 客户忠诚度; 忠诚度
Behavioural loyalty | 行为忠诚 | 8 | Loyalty shown in actual repeat purchasing. | behavioral loyalty
Intentional loyalty | 意识忠诚 | 8 | Loyalty shown in the intention to buy again. |
Emotional loyalty | 情感忠诚 | 8 | A positive attitude to the firm, including recommending it to others. | attitudinal loyalty
Loyalty types | 忠诚类型 | 8 | The three kinds of loyalty the course uses (after Jill Griffin): behavioural, intentional and emotional. | types of loyalty
Loyalty matrix | 忠诚矩阵 | 8 | Four kinds of loyalty from repeat buying and relative attachment: no loyalty, inertia, latent and premium loyalty (Dick and Basu). | Dick and Basu
Satisfaction-loyalty gap | 满意与忠诚差距 | 8 | Satisfied customers who still leave: the difference between the satisfaction rate and the repurchase rate. |
Bain paradox | 贝恩悖论 | 8 | Satisfaction is no guarantee of loyalty. The source: 65-85% of customers who say they are satisfied still switch; Bain's study is usually quoted the other way round: 65-85% of customers who defect had said they were satisfied. | satisfaction trap; Bain survey; 贝恩公司调查; 贝恩调查
Customer retention | 留住老客户 | 8; 9 | Keeping existing customers, which usually costs far less than winning new ones. | retention; 客户保留; 保留客户; 客户维系
Customer reward programme | 客户奖励计划 | 8 | Points, coupons or membership levels that reward repeat buying. | loyalty programme; loyalty program; reward program
Value return | 价值回报 | 8 | Giving part of the profit back to customers to make loyal customers more loyal. |
Switching cost | 转换成本 | 8 | The one-off cost a customer bears to change supplier: retraining, new parts, new processes, risk. | switching costs; 转移成本; 切换成本; 转换费用
Price sensitivity | 价格敏感性 | 4; 8 | How strongly a customer's demand reacts to price; lower when switching costs are high. | price elasticity
Purchasing risk | 采购风险 | 8 | The risks of choosing a supplier: price, quality, supply, capacity, service and misconduct. |
Organisational vs personal risk | 组织风险与个人风险 | 8 | The risk to the buying firm versus the risk to the person who made the choice. |
Brand switcher | 品牌转换者 | 8 | A customer who moves to another brand. |
Repurchase rate | 再购率 | 8 | The share of customers who buy again. | repeat purchase rate
Repurchase intent | 再购意向 | 8 | A customer's stated intention to buy again. | purchase intention
Price competition | 价格竞争 | 8 | Competing mainly by lower prices; easy to copy and not lasting. | 不要迷信价格竞争
Year-end rebate | 年终返利 | 8 | A rebate paid at the end of the year that rewards volume and raises switching cost. | rebate
Technical barrier | 技术壁垒 | 8 | Specifications or know-how that keep competitors out. |
Trust | 信任 | 8 | The customer's confidence that the supplier will act reliably and in its interest. |
Chinese-style relationship marketing | 中国式关系营销 | 8; 9 | Building personal and organisational trust and serving both kinds of interest. |
Relationship development stages | 客户关系发展阶段 | 9 | The development, initial, stable and strategic cooperation stages, defined by share of purchases. | relationship stages
Share of wallet (share of purchases) | 采购份额 | 9 | The supplier's share of a customer's total purchases in a category. | share of wallet; SOW; share of purchases; share of purchases (share of wallet); 钱包份额; 钱包占有率; 客户钱包份额; 购买份额
Customer development stage | 客户开发阶段 | 9 | No business yet; the goal is to win the first order. | development stage
Initial cooperation stage | 初期合作阶段 | 9 | The supplier is a secondary supplier with less than 50% of the customer's purchases. | initial stage
Stable cooperation stage | 稳定合作阶段 | 9 | The supplier is the main supplier with 50-80% of the customer's purchases. | stable stage
Strategic cooperation stage | 战略合作阶段 | 9 | The supplier is the strategic supplier with 80-100% of the customer's purchases. | strategic stage
Candidate / secondary supplier | 候选/次要供应商 | 9 | A supplier holding only a minor share of the customer's purchases. | secondary supplier; candidate supplier; 次要/候选供应商; 次要供应商; 候选供应商
Main supplier | 主要供应商 | 9 | The supplier holding the largest share of the customer's purchases. |
Entry point | 切入点 | 9 | An event that opens the way into a new account, such as a new product or a supplier review. |
Key person | 关键人 | 9 | The person with the most influence on a purchase decision. |
Insider / internal supporter | 内线 | 9 | A contact inside the customer who shares information and supports the supplier. | insider
Relationship network | 关系网 | 9 | Contacts at several levels and departments of the customer's organisation. | weave a relationship network; 编织关系网
Point-to-point contact | 点对点接触 | 9 | Contact only between one salesperson and one buyer; fragile. |
High-level selling | 高层销售 | 9 | Selling and building relationships at executive level. |
Strategic complementarity | 战略互补 | 9 | Combining two firms' resources into a joint core competence. |
Bilateral lock-in | 双边锁定 | 9 | Binding both sides through capital, equity and profit sharing. | lock-in
High-level coordination | 高层协调 | 9 | Regular executive visits and team selling between the two firms. |
Team selling | 团队销售 | 6; 9 | Selling by a cross-functional team rather than by one salesperson. |
Relationship regression / termination | 客户关系倒退/中断 | 9 | A relationship falling back a stage or ending. | relationship regression; relationship termination; 客户关系倒退、中断; 客户关系倒退; 客户关系中断; 关系倒退
Force majeure | 不可抗力 | 9 | Causes outside the supplier's control, such as the customer leaving the product line. |
Commercial bribery | 商业贿赂 | 8; 9 | Illegal payments to win business; a crime, discussed as an ethics issue. | bribery
Early warning | 事前监控预警 | 9 | Watching each account's transactions to spot relationship risk before it is too late. | early-warning system
In-process control | 事中控制与协调 | 9 | Acting on an alarm to stop the relationship getting worse. |
Ex-post rescue | 事后挽救及补救 | 9 | Trying to win back a lost relationship and fixing the causes. |
Customer win-back | 客户挽回 | 9 | Actions to regain a lost or declining customer. | win-back; winback; retention and win-back; 客户保留与挽回; 挽回客户
Churn | 客户流失 | 9 | A customer ending the relationship: cancelling a contract or simply no longer buying. | attrition; defection; customer churn; customer attrition; 流失; 顾客流失
Churn rate | 客户流失率 | 1; 9 | The share of customers at the start of a period who are lost during it. | attrition rate; defection rate
Retention rate | 客户保持率 | 2; 9 | The share of customers at the start of a period who are still customers at its end (1 - churn rate). | customer retention rate
Survival curve | 生存曲线 | 9 | The share of a starting group of customers still active after each period. | survival function
Contractual setting | 契约型情境 | 9 | A business where customers must cancel to leave (subscriptions), so churn is observed. | contractual
Non-contractual setting | 非契约型情境 | 9 | A business where customers can stop buying without notice (retail, B2B orders), so churn is hidden. | non-contractual; noncontractual
Cohort | 同期群 | 9 | A group of customers who started in the same period, followed over time. | acquisition cohort
Cohort analysis | 同期群分析 | 9 | Comparing retention or revenue of cohorts period by period, in a cohort table. | cohort table; retention table
Customer lifetime value (CLV) | 客户生命周期价值 | 2; 9 | The value a customer brings over the whole relationship: past value plus expected future value, usually discounted. | CLV; LTV; CLTV; lifetime value; lifetime value assessment; 客户生命周期价值评估; 客户终身价值; 顾客终身价值
Discount rate | 贴现率 | 9 | The yearly rate used to turn future money into today's value. |
Simple CLV formula | 简单CLV公式 | 9 | CLV = margin x r / (1 + d - r) for yearly margin, retention rate r and discount rate d, with an infinite horizon. | simple CLV
Shifted-beta-geometric model (sBG) | 移位贝塔几何模型 | 9 | A contractual churn model: each customer has a constant churn probability, and these probabilities vary by a beta distribution. | sBG; shifted beta geometric
BG/NBD model | BG/NBD模型 | 9 | A non-contractual model: customers buy at Poisson rates while alive and may drop out after each purchase; predicts future transactions. | BG/NBD; BGNBD; beta-geometric/negative binomial distribution
Pareto/NBD model | Pareto/NBD模型 | 9 | The forerunner of BG/NBD, in which dropout can happen at any time. | Pareto/NBD
Gamma-Gamma model | Gamma-Gamma模型 | 9 | Models each customer's average order value; combined with BG/NBD it gives a monetary CLV. | Gamma-Gamma; gamma gamma
Probability alive | 存活概率; 活跃概率 | 9 | The model's probability that a customer has not yet silently churned, given their purchase history. | P(alive); p alive; probability of being alive; 存活几率; 活跃几率
Expected future transactions | 预期未来交易次数 | 9 | The number of purchases a model predicts for a customer in a future period. | predicted purchases
Calibration and holdout periods | 校准期与验证期 | 9 | Fitting a model on earlier data and checking its predictions on the later period. | holdout; calibration period
Relationship stage by share | 按份额划分关系阶段 | 9 | Assigning a customer to a stage from the supplier's share of its purchases. |
Most valuable customer | 最有价值客户 | 9 | A highest-value customer, given special, personalised treatment. | MVC
Growth-potential customer | 最具成长性客户 | 9 | A customer with strong prospects of growing. | growth customer
Negative-value customer | 负值客户 | 9 | A customer whose cost exceeds its value. | negative value
Pre-churn customer | 预流失客户 | 9 | A customer showing signs of leaving. | at-risk customer
ARPU | 每用户平均收入 | 1; 9 | Average revenue per user per period. | average revenue per user
Customer information integration | 整合客户信息 | 9 | Unifying customer data from all touchpoints and channels. | 整合客户信息数据; 集成客户信息; 集成客户信息数据
Customer information analysis | 客户信息分析 | 9 | Mining customer and usage data for marketing and service insights. |
Dataset | 数据集 | 0 | A table of data used in the course, loaded with crmlearn.load_dataset(name). | data set
Data card | 数据说明卡 | 0 | A short document describing a dataset: what it is, every column, how it was made, its licence. | datasheet
Synthetic data | 合成数据 | 0 | Data generated by a program with planted structure, so that results are known and privacy is safe. |
Random seed | 随机种子 | 0 | A fixed starting number that makes generated data and random methods give the same result every time. | seed
DataFrame | 数据框 | 0 | A pandas table: rows (here usually customers or orders) and named columns. | data frame; table
Customer ID | 客户编号 | 0 | The code that identifies one customer in every table, e.g. C00017. | customer_id
Transaction | 交易 | 0; 4 | One order line: who bought what, when, how much and at what price. | order line
Jupyter notebook | Jupyter笔记本 | 0 | A document mixing text, code and results; the course's chapters are notebooks. | notebook
Widget | 交互控件 | 0 | A slider or menu in a notebook that reruns an analysis when moved. | slider
Self-checking exercise | 自测练习 | 0 | A question whose answer is checked by the computer, with hints and a worked solution. | exercise
B2B (business-to-business) | 企业对企业 | 0; 2 | Selling to organisations such as companies and distributors. | B2B
B2C (business-to-consumer) | 企业对消费者 | 0; 2 | Selling to individual consumers. | B2C
Product | 产品 | 1; 6 | What the firm offers for sale: goods, services or both (the P of Nippon Paint's PAS). | products
Service | 服务 | 1; 6 | The help and care given to customers before, during and after a sale (the S of Nippon Paint's PAS). | services; customer service; 客户服务
Real-time communication with customers | 与客户实时沟通 | 1 | Talking with customers proactively and promptly, so that they feel like friends rather than trading partners. | real-time communication; 实时沟通
Continuous customer tracking | 持续的客户跟踪管理 | 1 | Re-checking regularly which customers to manage as key, because customers and their needs keep changing. | customer tracking; 客户跟踪管理; 客户跟踪
Expanding customer service | 拓展客户服务 | 1 | Treating the first sale as the start of a relationship and adding services, e.g. a telecom package solution. | service expansion
Ant hole in the dike | 千里之堤，毁于蚁穴 | 1 | Proverb: a dike of a thousand li collapses through an ant hole; a few neglected complaining customers can erode a business. | 千里之堤; 毁于蚁穴; ant hole
Monopoly inertia | 垄断惯性 | 1 | The habits of a former monopoly: little study of consumers, weak respect for their rights, high complaint rates. |
Land-grab, price-cut and gold-digging phases | 圈地、降价、掘金 | 1 | The three growth phases of Chinese telecom operators before more users stopped bringing more revenue. | land grab; 圈地; 掘金
Revenue source | 收入来源 | 2 | Where the firm's revenue really comes from (consumers, retailers or wholesalers); the first question in finding the customer group. | source of revenue; revenue sources
Historical transaction analysis | 历史交易数据分析 | 2 | Mining past orders to find the high-value customers and their buying habits. | transaction history analysis; 历史交易分析
Satisfaction and loyalty survey | 满意度与忠诚度调查 | 2; 7 | A questionnaire measuring how satisfied and loyal customers are; one input to customer value analysis. | satisfaction survey; loyalty survey; 满意度调查
Need for customer grading | 客户分级的必要性 | 4 | Customers differ in the value they bring and in what they need, so the firm has to treat them differently. | why grade customers
Chinese seal | 中国印 | 4 | The textbook's image of a Chinese seal (玺, a symbol of power and nobility) showing the criteria of three key-account classes. | 玺
Mission and strategy | 使命和策略 | 4 | The centre of the customer value scorecard, from which the objectives and measures of its four perspectives follow. | mission and strategies
Customer pyramid management | 客户金字塔分类管理 | 4 | Managing core customers intensively and, for the others, upgrading them, handing them to a third party or giving them up. | pyramid management
Key-account types | 大客户类型 | 5 | The textbook's four kinds of key account: economic key accounts, important, group and strategic customers. | types of key account; key account types
Value of key accounts | 大客户的价值 | 5 | Six reasons key accounts matter: stable orders, radiation effect, market share, innovation, a company asset, win-win. | key account value; 大客户价值
Key-customer identification | 识别关键客户 | 5 | Finding key customers with data: purchase analysis in the CRM system, predictive models and satisfaction surveys. | identifying key customers; key customer identification
CRM system | CRM系统 | 5; 9 | Software that keeps each customer's data and contact history and helps analyse them. | CRM software; 客户关系管理系统
Lenovo Sunshine service | 阳光基础服务体系 | 6 | Lenovo's basic service system for all customers, on which its "three dedications" key-account service is built. | sunshine service
Attention to service details | 重视服务细节 | 6 | Five principles: key accounts' needs first, a positive attitude, standard internal processes, personalised and proactive service. | service details; 服务细节
Family-like service | 亲情服务 | 6 | Warm, personal care for a customer, one of the four common care actions. | affectionate service
Product recommendation | 产品推荐 | 6 | Suggesting products that fit a customer's needs, one of the four common care actions. |
Preferential offer | 优惠推荐 | 6 | A discount or special offer for a customer, one of the four common care actions. | preferential offers
Strategic support and cooperation | 提供战略上的支持与合作 | 6 | The highest level of key-account service: the relationship is run at strategy level, with shared resources and complementary strengths. | strategic support; 战略支持与合作
Long-term cooperation | 建立长期合作关系 | 6 | Keeping a key account through regular contact, personalised solutions and a joint growth plan. | long-term partnership; 长期合作关系
Joint growth plan | 共同成长计划 | 6 | A plan agreed with a key account to grow both firms' business together. |
Customised service plan | 定制化服务方案 | 6; 7 | A service plan built from one customer's needs, with regular evaluation and feedback and a dedicated team. | customised service plans; personalised service plan; 个性化服务方案
Dell account stages | 获得/拓展/保持阶段 | 6; 9 | Dell places each key account in an acquisition, expansion or retention stage from its share, retention rate and sales growth. | acquisition expansion retention stages; Dell stages
Satisfaction as a moving target | 客户满意度——一个变动的目标 | 7 | What satisfies differs between customers and shifts as circumstances change, so it must be learned again and again. | moving target; 变动的目标
Reading the customer | 察言观色 | 7 | Watching a customer's expressions and mood to sense what they want. |
Raising customer expectations | 提升客户期望 | 7; 9 | A challenger's tactic: raise the bar with better service, products or personal value so that the customer grows dissatisfied with its current supplier. | raise customer expectations
Personalised value-add | 个性化增值 | 7 | Value added for one customer's own needs; hard for rivals to copy, so the best way in. | personalised added value
Satisfaction-improvement tactics | 客户满意度提升策略 | 7 | Three tactics: regular follow-up and feedback, personalised service plans and value-added services. | satisfaction improvement
Multi-channel quality service | 多渠道为客户提供优质服务 | 8 | Serving customers promptly, professionally and politely through several channels, so they have reasons to come back. | multi-channel service
Removing doubts | 消除疑虑 | 8 | Anticipating a new customer's worries and answering them before they are asked. | remove doubts
Staff as experts | 让客户相信员工是专家 | 8 | Earning trust by showing the staff's competence, so that customers follow their advice. |
Interest behind every deal | 天下熙熙，皆为利来 | 8 | Proverb: all the bustle under heaven is for gain; every deal serves someone's personal or corporate interest. | 天下熙熙; 皆为利来
Loyal customer | 忠诚客户 | 8 | A customer who keeps buying and speaks well of the firm even after a disappointment (Feng Lun's temple parable). | loyal customers; 忠实客户
Happy to stay, painful to leave | 让客户留下来很快乐，离开很痛苦 | 8; 9 | The two routes to loyalty: more benefits for staying, and switching cost and purchasing risk for leaving. | 让客户留下来很快乐; 离开很痛苦
Loyalty-cultivation tactics | 客户忠诚度培养 | 8 | Four tactics: regular contact and visits, personalised service, reward programmes and shared customer success stories. | loyalty cultivation
Customer success story | 客户成功案例分享 | 8 | Telling prospects how existing customers succeeded with the firm, to build their confidence. | success story; 客户成功案例
Rebate points | 扣点 | 8; 9 | A price concession given as a percentage of sales, used to win orders in the initial cooperation stage. |
Strategic supplier | 战略供应商 | 9 | The supplier in the strategic cooperation stage, with 80-100% of the customer's purchases. |
Deepening the customer's pain | 加重客户痛苦 | 9 | Making a customer feel the problems of its current supplier, to open the way to a larger share. | deepen the customer's pain
Informant | 线人 | 9 | Someone inside the customer who secretly reports to the supplier; the source suggests it, the course discusses it as an ethics issue. |
Customer development and maintenance | 客户发展与维护 | 1; 9 | The life-cycle stage in which good products, service and communication deepen the relationship. | development and maintenance
Customer maturity | 客户成熟 | 1; 9 | The life-cycle stage of trust and dependence, high loyalty and rising repeat purchases. | maturity stage
Customer decline and win-back | 客户衰退与挽回 | 1; 9 | The life-cycle stage in which the relationship weakens and personalised service or offers try to extend it. | decline stage; 客户衰退
"""


class Term(NamedTuple):
    """One glossary entry."""

    english: str
    chinese: str
    definition: str
    chapters: tuple[int, ...]
    aliases: tuple[str, ...]

    def __str__(self) -> str:
        chapters = ", ".join(str(c) for c in self.chapters)
        text = f"{self.english} · {self.chinese}\n  {self.definition}\n  Chapter{'s' if len(self.chapters) > 1 else ''}: {chapters}"
        if self.aliases:
            text += f"\n  Also: {', '.join(self.aliases)}"
        return text


# Spelling variants that should find the same entry (British and American English). Applied to
# both the query and the glossary's names, so a collision can only merge two spellings of a word.
_SPELLING = [
    (re.compile(r"(?<=\w\w\w)is(e|es|ed|ing|er|ers|ation|ations)\b"), r"iz\1"),
    (re.compile(r"(?<=\w\w)ys(e|es|ed|ing)\b"), r"yz\1"),
    (re.compile(r"\b(behavi|fav|col|lab|hon|neighb)our"), r"\1or"),
    (re.compile(r"\bprogramme(s?)\b"), r"program\1"),
    (re.compile(r"\bcentre(s|d)?\b"), lambda m: "center" + {"s": "s", "d": "ed"}.get(m.group(1) or "", "")),
    (re.compile(r"\bcatalogue(s?)\b"), r"catalog\1"),
    (re.compile(r"\b(model|label|cancel|travel)l(ing|ed)\b"), r"\1\2"),
]
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_HAS_CJK = re.compile(f"[{_CJK}]")
_SPACE_BY_CJK = re.compile(f"(?<=[{_CJK}]) | (?=[{_CJK}])")
_DASHES = re.compile(r"[-_\u2010-\u2015\u2212\u30fc]")
_QUOTES = re.compile(r"[\"'`\u2018\u2019\u201c\u201d\u300c-\u300f\u300a\u300b]")


def _has_cjk(text: str) -> bool:
    return bool(_HAS_CJK.search(text))


def _norm(text: str) -> str:
    """The comparison key of a name or query.

    Full-width letters, digits and spaces become ordinary ones (NFKC); case, hyphens, dashes,
    quotes and repeated spaces do not matter; spaces next to a Chinese character are dropped
    (客户 金字塔 = 客户金字塔); 顾客 and 客户 (both "customer" in the sources) are the same;
    British and American spellings are the same (behaviour = behavior, -ise = -ize).
    """
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    text = _QUOTES.sub("", _DASHES.sub(" ", text))
    text = " ".join(text.split())
    if _has_cjk(text):
        text = _SPACE_BY_CJK.sub("", text).replace("顾客", "客户")
    for pattern, repl in _SPELLING:
        text = pattern.sub(repl, text)
    return text


@lru_cache(maxsize=None)
def _converter(config: str):
    # OpenCC's Python port, imported only when a query contains Chinese, so that
    # `import crmlearn` stays light.
    from opencc import OpenCC

    try:
        return OpenCC(config)
    except Exception:  # the C++ binding's Python package names its configs "t2s.json"
        return OpenCC(config + ".json")


def _keys(query: str) -> list[str]:
    """The comparison keys to try for a query, best first.

    A query with Chinese characters is also tried converted from traditional characters
    (OpenCC "t2s", character by character: 轉換成本 -> 转换成本) and then with Taiwan phrases
    (OpenCC "tw2sp": 資訊 -> 信息). "tw2sp" is tried last because it also rewrites phrases the
    sources use in simplified form too (資料卡 -> 数据卡, where the source's term is 资料卡).
    An English query ending in a plural "s" is also tried without it (as an exact name only).
    """
    keys = [_norm(query)]
    if _has_cjk(query):
        try:
            converters = [_converter(config) for config in ("t2s", "tw2sp")]
        except ImportError:
            warnings.warn("crmlearn.glossary: opencc-python-reimplemented is not installed, so terms in "
                          "traditional characters are not converted; install it with "
                          "`pip install opencc-python-reimplemented`.", stacklevel=3)
            converters = []
        keys += [_norm(c.convert(query)) for c in converters]
    elif len(keys[0]) > 3 and keys[0].endswith("s") and not keys[0].endswith("ss"):
        keys.append(keys[0][:-1])
    return list(dict.fromkeys(keys))


@lru_cache(maxsize=1)
def _entries() -> tuple[Term, ...]:
    out = []
    for line in _DATA.strip().splitlines():
        parts = [p.strip() for p in line.rstrip().removesuffix("|").split(" | ")]
        english, chinese, chapters, definition = parts[:4]
        aliases = tuple(a.strip() for a in parts[4].split(";") if a.strip()) if len(parts) > 4 else ()
        out.append(Term(english, chinese.replace("; ", "；"),
                        definition, tuple(int(c) for c in chapters.split(";")), aliases))
    return tuple(out)


def _names(term: Term) -> list[str]:
    """Every name a term answers to: English, its bracketed abbreviation, Chinese variants, aliases."""
    names = [term.english]
    if "(" in term.english:
        base, _, inner = term.english.partition("(")
        inner = inner.rstrip(")").strip()
        names.append(base.strip())
        if any(ch.isupper() for ch in inner):  # an abbreviation such as (CLV) or (sBG), not "(customers)"
            names.append(inner)
    names += [c.strip() for c in term.chinese.replace("；", ";").split(";")]
    names += list(term.aliases)
    return [n for n in names if n]


@lru_cache(maxsize=1)
def _index() -> dict[str, Term]:
    index: dict[str, Term] = {}
    # full names first so an alias never hides another term's own name
    for term in _entries():
        for name in _names(term)[:1] + [c.strip() for c in term.chinese.replace("；", ";").split(";")]:
            index.setdefault(_norm(name), term)
    for term in _entries():
        for name in _names(term):
            index.setdefault(_norm(name), term)
    return index


def terms(chapter: int | None = None):
    """The glossary as a table.

    Parameters
    ----------
    chapter : int, optional
        Only the terms of this chapter (0-9); all terms by default.

    Returns
    -------
    pandas.DataFrame
        Columns english, chinese, definition, chapters (a tuple of ints), aliases.

    Examples
    --------
    >>> t = terms()
    >>> len(t) >= 150
    True
    >>> "Gini coefficient" in set(terms(4)["english"])
    True
    """
    import pandas as pd

    rows = [e._asdict() for e in _entries()]
    table = pd.DataFrame(rows, columns=["english", "chinese", "definition", "chapters", "aliases"])
    if chapter is not None:
        if isinstance(chapter, bool) or not isinstance(chapter, int) or not 0 <= chapter <= 9:
            raise ValueError(f"terms: chapter must be a whole number from 0 to 9, got {chapter!r}.")
        table = table[table["chapters"].map(lambda cs: chapter in cs)].reset_index(drop=True)
    return table


def _whole_word(key: str, name: str) -> bool:
    """Does the query occur in the name as whole words (English) or as its start or end (Chinese)?"""
    if _has_cjk(key):
        return name.startswith(key) or name.endswith(key)
    return re.search(r"(?<![a-z0-9])" + re.escape(key) + r"(?![a-z0-9])", name) is not None


def _telling(name: str, key: str) -> bool:
    """Is a name found inside a longer query telling enough to answer it?

    English names of 6 characters or more; Chinese names of 3 characters or more, or a 2-character
    one that is at least half the query (口碑 in 好口碑). So a mistyped 客户流矢率 is not answered
    with "Customer" because it contains 客户: it gets suggestions instead.
    """
    if _has_cjk(name):
        return len(name) >= 3 or 2 * len(name) >= len(key)
    return len(name) >= 6


def _ranked(term: str) -> list[tuple[int, Term]]:
    """Every entry the query could mean, best first, with its match tier.

    Tier 0: the query is a name, abbreviation or alias (English or Chinese); tier 1: it occurs in
    a name as whole words; tier 2: as part of a word; tier 3: the query contains a whole name
    ("the Gini coefficient of revenue"). Within a tier, English names that start with the query,
    then shorter names, then glossary order come first (in tier 3, the longest contained name).
    Each entry appears once, at its best tier. Keys converted from traditional characters come
    after the query as typed, within each tier.
    """
    if not isinstance(term, str) or not term.strip():
        return []
    index = _index()
    order = {id(t): i for i, t in enumerate(_entries())}
    found: dict[int, tuple[tuple, Term]] = {}

    def add(rank: tuple, entry: Term) -> None:
        old = found.get(id(entry))
        if old is None or rank < old[0]:
            found[id(entry)] = (rank, entry)

    for k, key in enumerate(_keys(term)):
        if not key:
            continue
        if key in index:
            add((0, k, 0, 0, order[id(index[key])]), index[key])
        cjk = _has_cjk(key)
        if len(key) < (2 if cjk else 3) or (k > 0 and not cjk):
            continue   # too short for a partial match; an English singular is tried as a name only
        for name, entry in index.items():
            if name == key:
                continue
            if key in name:
                tier = 1 if _whole_word(key, name) else 2
                # English: names starting with the query first ("Pareto ch"); Chinese compounds
                # end in their head word (客户满意 is a kind of 满意), so there only length counts.
                starts = cjk or name.startswith(key)
                add((tier, k, not starts, len(name), order[id(entry)]), entry)
            elif name in key and _telling(name, key):
                add((3, k, 0, -len(name), order[id(entry)]), entry)
    return [(rank[0], entry) for rank, entry in sorted(found.values(), key=lambda item: item[0])]


def lookup(term: str) -> Term | None:
    """Find a glossary entry by its English or Chinese name, an abbreviation, a synonym or a part of a name.

    Case, spaces, hyphens, full-width characters, British/American spelling and traditional
    characters do not matter. An exact name ranks first, then whole-word matches, then partial
    ones (see :func:`matches`). Returns None when nothing matches.

    Examples
    --------
    >>> lookup("rfm").english
    'RFM analysis'
    >>> lookup("Silhouette").chinese
    '轮廓系数'
    >>> lookup("流失率").english
    'Churn rate'
    >>> lookup("轉換成本").english
    'Switching cost'
    >>> lookup("客户").english
    'Customer'
    """
    ranked = _ranked(term)
    return ranked[0][1] if ranked else None


def matches(term: str, n: int = 10):
    """All entries a query matches, best first, with how each matched (for "did you mean" lists).

    Parameters
    ----------
    term : str
        The query, as for :func:`lookup`.
    n : int, default 10
        At most this many rows.

    Returns
    -------
    pandas.DataFrame
        Columns english, chinese, match ("exact", "whole word", "partial" or "contains").

    Examples
    --------
    >>> print(matches("客戶金字塔").to_string(index=False))
                        english    chinese      match
               Customer pyramid      客户金字塔      exact
    Customer pyramid management  客户金字塔分类管理 whole word
    >>> matches("the Gini coefficient of revenue")["match"].tolist()
    ['contains']
    """
    import pandas as pd

    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"matches: n must be a whole number, got {type(n).__name__} {n!r}.")
    if n < 1:
        from crmlearn._validation import CRMDataError

        raise CRMDataError(f"matches: n must be at least 1, got {n}.")
    labels = ["exact", "whole word", "partial", "contains"]
    rows = [(e.english, e.chinese, labels[tier]) for tier, e in _ranked(term)[:n]]
    return pd.DataFrame(rows, columns=["english", "chinese", "match"])


def suggest(term: str, n: int = 5) -> list[str]:
    """Close matches for a term that was not found (English names, for a helpful message).

    Misspellings in English or Chinese (simplified or traditional) are compared with every name.

    >>> suggest("sillhouette")[0]
    'Silhouette coefficient'
    >>> suggest("客戶流矢率")[0]
    'Churn rate'
    """
    if not isinstance(term, str) or not term.strip():
        return []
    index = _index()
    out: list[str] = []
    for key in _keys(term):
        for name in difflib.get_close_matches(key, list(index), n=n * 3, cutoff=0.7):
            english = index[name].english
            if english not in out:
                out.append(english)
    return out[:n]


class KeyTermsTable:
    """A key-terms table that shows as a table in a notebook and as text when printed."""

    def __init__(self, chapter: int, entries: list[Term], part: int | None = None, parts: int | None = None):
        self.chapter = chapter
        self.entries = entries
        self.part = part
        self.parts = parts

    @property
    def data(self):
        """The table as a DataFrame (english, chinese, definition)."""
        import pandas as pd

        return pd.DataFrame([(t.english, t.chinese, t.definition) for t in self.entries],
                            columns=["english", "chinese", "definition"])

    def __len__(self) -> int:
        return len(self.entries)

    def _repr_markdown_(self) -> str:
        def cell(text: str) -> str:
            return text.replace("|", "\\|")

        lines = ["| English | 中文 | Meaning |", "|---|---|---|"]
        lines += [f"| {cell(t.english)} | {cell(t.chinese)} | {cell(t.definition)} |" for t in self.entries]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = "".join(f"<tr><td>{html.escape(t.english)}</td><td>{html.escape(t.chinese)}</td>"
                       f"<td>{html.escape(t.definition)}</td></tr>" for t in self.entries)
        return ("<table><thead><tr><th>English</th><th>中文</th><th>Meaning</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>")

    def __str__(self) -> str:
        return "\n".join(f"{t.english} · {t.chinese}: {t.definition}" for t in self.entries)

    def __repr__(self) -> str:
        of = f" (part {self.part} of {self.parts})" if self.part is not None else ""
        return f"Key terms, chapter {self.chapter}{of}:\n{self}"


def key_terms_table(chapter: int, terms: Iterable[str] | None = None, *,
                    part: int | None = None, rows: int | None = None) -> KeyTermsTable:
    """The key-terms table for a chapter notebook (English, 中文, one line each).

    Parameters
    ----------
    chapter : int
        The chapter (0-9).
    terms : iterable of str, optional
        The terms to show, in this order (English or Chinese names, or aliases). By default all
        terms of the chapter, in glossary order.
    part : int, optional
        Only the part-th block of ``rows`` terms (1 = the first), so that a long table can be
        shown on several slides: ``key_terms_table(4, part=2)`` is terms 11-20. By default the
        whole table.
    rows : int, optional
        Terms per part (default 10 when ``part`` is given). Given alone, the first ``rows`` terms.

    Returns
    -------
    KeyTermsTable
        Renders as a table in a notebook (``_repr_markdown_``/``_repr_html_``), prints as text;
        ``.data`` is a DataFrame.

    Raises
    ------
    ValueError
        If the chapter is not 0-9, a named term is not in the glossary (with suggestions), or
        ``part``/``rows`` is below 1 or ``part`` is past the last part (a CRMDataError).
    TypeError
        If ``part`` or ``rows`` is not a whole number.

    Examples
    --------
    >>> table = key_terms_table(4, ["RFM", "Gini coefficient"])
    >>> print(table)
    RFM analysis · RFM分析: Scores customers on Recency, Frequency and Monetary value of their purchases to grade and target them.
    Gini coefficient · 基尼系数: Twice the area between the diagonal and the Lorenz curve: 0 when every customer is worth the same, close to 1 when one customer is worth everything.
    >>> first = key_terms_table(4, part=1)
    >>> len(first), first.parts == -(-len(key_terms_table(4)) // 10)
    (10, True)
    """
    if isinstance(chapter, bool) or not isinstance(chapter, int) or not 0 <= chapter <= 9:
        raise ValueError(f"key_terms_table: chapter must be a whole number from 0 to 9, got {chapter!r}.")
    if terms is None:
        entries = [t for t in _entries() if chapter in t.chapters]
    else:
        if isinstance(terms, str):
            terms = [terms]
        entries = []
        for name in terms:
            found = lookup(name)
            if found is None:
                hint = suggest(name)
                raise ValueError(f"key_terms_table: {name!r} is not in the glossary."
                                 + (f" Did you mean: {', '.join(hint)}?" if hint else ""))
            entries.append(found)
    if part is None and rows is None:
        return KeyTermsTable(chapter, entries)
    for name, number in (("part", part), ("rows", rows)):
        if number is not None and (isinstance(number, bool) or not isinstance(number, int)):
            raise TypeError(f"key_terms_table: {name} must be a whole number, got {type(number).__name__} {number!r}.")
    from crmlearn._validation import CRMDataError

    part = 1 if part is None else part
    rows = 10 if rows is None else rows
    if rows < 1 or part < 1:
        raise CRMDataError(f"key_terms_table: part and rows must be at least 1, got part={part}, rows={rows}.")
    parts = max(1, -(-len(entries) // rows))
    if part > parts:
        raise CRMDataError(f"key_terms_table: chapter {chapter} has {len(entries)} terms, so {parts} part(s) of "
                           f"{rows} rows; got part={part}. Pass part=1 to {parts}.")
    return KeyTermsTable(chapter, entries[(part - 1) * rows:part * rows], part=part, parts=parts)
