"""English-Chinese glossary of the course (术语表), with a one-line definition per term.

Each term belongs to one or more chapters (0 = the welcome tour, 1-9 = the chapters).
Chapter notebooks show their key-terms table with :func:`key_terms_table`; learners look a
term up with :func:`lookup` (English or Chinese, abbreviations too) or from the command
line: ``crmlearn glossary RFM``.

>>> lookup("CLV").chinese
'客户生命周期价值'
>>> lookup("客户分级").english
'Customer grading'
>>> lookup("no such thing") is None
True
"""
from __future__ import annotations

import difflib
import html
import unicodedata
from functools import lru_cache
from typing import Iterable, NamedTuple

__all__ = ["Term", "terms", "lookup", "suggest", "key_terms_table", "KeyTermsTable"]

# english | chinese (variants separated by ";") | chapters | definition | aliases (separated by ";")
_DATA = """
Customer relationship management (CRM) | 客户关系管理 | 1 | Managing relationships with customers systematically so that satisfaction, loyalty and long-term value grow. | CRM
Customer management | 客户管理 | 1 | Building and keeping good customer relationships through data, communication and personalised service. |
Customer relationship maintenance | 客户关系维护 | 1 | The continuing work of keeping a relationship healthy so that satisfaction and loyalty can grow. |
Customer-service management system | 客户服务管理体系 | 1 | The organisation, processes and tools a firm sets up to serve and manage its customers. |
Customer-centred | 以客户为中心 | 1 | A philosophy that puts the customer's needs at the centre of the firm's decisions. | customer-centric; customer centred
Customer resources | 客户资源 | 1 | A firm's customers and the data about them, managed as one of its most valuable assets. |
Strategic partnership | 战略伙伴关系 | 1; 5 | A relationship in which the supplier helps the customer succeed in its own market. |
Win-win | 双赢 | 1 | An outcome that benefits both the supplier and the customer. |
Sales assistance | 销售协助 | 1 | Helping a customer sell more of the supplier's products, e.g. with training or promotion support. |
Joint marketing | 联合营销 | 1 | Marketing run together with a customer or partner to reach both firms' buyers. |
Bundled marketing | 捆绑营销 | 1 | Selling several products or services together as one package. | bundling
Value-added service | 增值服务 | 1; 6 | Service beyond the basic offer, such as free advice or extra after-sales help. | VAS
Cross-selling | 交叉销售 | 1; 4 | Selling further product lines to a customer who already buys from the firm. | cross-sell
Up-selling | 向上销售 | 1 | Persuading a customer to buy a higher-value version of what they already buy. | upselling; up-sell
Package solution | 一揽子解决方案 | 1 | A bundled set of products and services that covers a customer's whole need. |
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
Retail customer | 零售客户 | 2 | An individual or household buying products for its own use. |
Business customer (merchant) | 商家 | 2 | A buyer that builds the firm's product into its own offer and sells it on. | business customer; merchant
Channel distributor | 渠道经销商 | 2 | An intermediary that buys the firm's products in order to resell them. | distributor; channel
Licensed agent | 持牌代理人 | 2 | An authorised local representative who sells or uses the firm's products without being paid by it. |
Internal customer | 内部客户 | 2 | A person or department inside the firm that receives its services. |
Customer types by nature | 按客户性质分类 | 2 | Classifying customers as retail, business, channel or internal; the most used basic classification. | nature type; customer type
Customer group identification | 识别客户群体 | 2 | Finding the firm's real customers by asking who pays, who decides and who benefits. |
Purchase decision maker | 购买决策者 | 2; 8 | The person who decides whether a purchase is made. | decision maker
Beneficiary | 受益者 | 2 | The person or unit that actually benefits from the product or service. |
Quality customer | 优质客户 | 2 | An honest customer that trusts the firm and provides a stable cash flow. | high-quality customer
Customer value analysis | 客户价值分析 | 2; 4 | Judging what customers are worth from their transactions, lifetime value and survey answers. |
Customer segmentation | 客户细分 | 2 | Dividing customers into groups whose members are alike in needs, traits or behaviour. | segmentation
Segmentation basis | 细分依据 | 2 | The kind of variable used to segment: behaviour, demographics, geography or psychographics. | segmentation variable
Behavioural segmentation | 基于购买行为的细分 | 2 | Grouping customers by how they buy, e.g. frequent versus one-time buyers. | behavioral segmentation
Psychographic segmentation | 基于心理特征的细分 | 2 | Grouping customers by interests, values and lifestyle. |
Demographic segmentation | 基于人口统计特征的细分 | 2 | Grouping customers by age, gender, income and similar personal data. |
Geographic segmentation | 基于地理位置的细分 | 2 | Grouping customers by region, city or city tier. |
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
Cleaning the customer file | 净化客户信息文件 | 3 | Removing outdated, wrong or duplicate records from the customer database. | data cleaning; data cleansing
Duplicate record | 重复记录 | 3 | Two or more records in the customer file that describe the same customer. | duplicate
Deduplication | 去重 | 3 | Finding and merging duplicate customer records, e.g. by normalised name, phone and e-mail. | dedupe; dedup; record linkage
Stale record | 过时记录 | 3 | A customer record that has not been checked or updated for a long time. | stale data
Contact log | 联系记录 | 3; 6 | The record of every contact with a customer: when, how, who, what about and the outcome. | contact history
Gold customer | 金牌客户 | 3; 4 | One of the top customers (e.g. the top 5% or 20%) by sales or predicted sales. |
Bad customer | 烂户 | 3 | A customer that rarely orders or makes the firm lose tenders. |
Mystery customer | 神秘客户 | 3; 7 | A tester who poses as a customer to judge the service from the customer's side. | mystery shopper
First-contact resolution | 一次即圆满 | 3; 7 | Solving a request or complaint completely at the first contact. | first contact resolution; FCR; first-time resolution
Complaint handling | 投诉处理 | 3; 7 | Receiving, resolving and learning from customers' complaints. |
Relationship marketing | 关系营销 | 3; 8 | Marketing aimed at long-term relationships rather than at single transactions. |
Customer grading | 客户分级 | 4 | Ranking customers into levels by their value so that each level can be served differently. | customer tiering; customer classification
Differential treatment | 差别待遇; 差异待遇 | 4 | Treating customers differently according to their value and needs. |
Classified management | 分类管理 | 4 | Managing customers by category and concentrating resources on the most important ones. |
80/20 rule | 二八法则; 80/20规则 | 4 | About 20% of customers bring about 80% of sales or profit. | Pareto principle; 80-20 rule; 2/8 rule
Pareto chart | 帕累托图 | 4 | Bars of customers sorted by value with a line of the cumulative share: shows how concentrated revenue is. | Pareto diagram
Cumulative share | 累计占比 | 4 | The running total of value, from the largest customer down, divided by the grand total. | cumulative percentage
Revenue concentration | 收入集中度 | 4; 5 | How much of the revenue comes from a few customers. | concentration
Lorenz curve | 洛伦兹曲线 | 4 | Plots the cumulative share of value against the cumulative share of customers, from smallest to largest; the further below the diagonal, the more unequal. |
Gini coefficient | 基尼系数 | 4 | Twice the area between the diagonal and the Lorenz curve: 0 when every customer is worth the same, close to 1 when one customer is worth everything. | Gini; Gini index
A/B/C classification | A、B、C三类; ABC分类 | 3; 4 | Three value classes by cumulative share of value (e.g. A up to 80%, B up to 95%); resources move from C to A. | ABC analysis; ABC classification
Customer tier model | 客户层级模型 | 4 | The four-level model of platinum, gold, iron and lead customers. | tier model; customer pyramid tiers
Platinum tier | 铂金层级 | 4 | The most profitable customers: long-standing users (恒久用户), fairly loyal, not very sensitive to price. | platinum
Gold tier | 黄金层级 | 4 | Profitable customers that seek discounts and use several suppliers. | gold
Iron tier | 钢铁层级 | 4 | Many customers that fill capacity but do not merit special treatment. | iron
Lead tier | 重铅层级 | 4 | Customers who cannot bring profit (不能带来盈利) and make heavy demands on resources. | lead
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
Platinum / gold / silver card | 白金卡; 金卡; 银卡 | 4 | Card tiers that label customer grades. | card tiers
Core customer | 核心客户 | 4 | A customer at the top of the pyramid, managed intensively. |
Non-core customer | 非核心客户 | 4 | A lower-value customer, to be upgraded, handed to a third party or dropped. |
RFM analysis | RFM分析 | 4 | Scores customers on Recency, Frequency and Monetary value of their purchases to grade and target them. | RFM; RFM model
Recency | 最近一次消费 | 4; 9 | How long ago the customer last bought; the shorter, the more likely they buy again. |
Frequency | 消费频率 | 4; 9 | How often the customer bought in the period (number of orders or of repeat purchases). |
Monetary value | 消费金额 | 4; 9 | How much the customer spent in the period (total or average per order). | monetary
RFM score | RFM得分 | 4 | The customer's recency, frequency and monetary scores (often quintiles 1-5), combined as a code such as 5-4-5 or a sum. | RFM cell
Quantile (quintile) | 分位数(五分位) | 4 | Cut-offs that split customers into equal-sized groups; quintiles make five groups of 20%. | quintile; quantile
Key account (KA) | 大客户 | 5 | A high-value or high-potential customer: few transactions but a large share of revenue, loyal and long-term. | KA; key account; major account
Key customer | 重点客户 | 5 | Another name for a key account. |
Key-account management (KAM) | 大客户管理 | 5; 6 | Organising sales and service around the few accounts that matter most. | KAM; key account management
Economic key account | 经济大客户 | 5 | A key account because of its purchase volume or value. |
Important customer | 重要客户 | 5 | A key account for reasons beyond volume, such as influence or reputation. |
Group customer | 集团客户 | 5 | A corporate group that buys across several of its units. |
Strategic customer | 战略客户 | 5 | A customer that matters to the supplier's strategy, e.g. as a partner in a new market. |
Group-buying customer | 团购客户 | 5 | A one-off bulk buyer; large but not a key account. | group buy
Exploitative big buyer | 扒皮大户 | 5 | A large customer that squeezes the supplier; not worth long-term investment. |
Radiation effect | 辐射效应 | 5 | A key account's influence that attracts or reassures other customers. |
Market share | 市场占有率 | 5 | The firm's share of total sales in its market. |
Key-account criteria | 大客户标准 | 5 | The standards an account must meet to count as key: value, potential, strategic fit, influence. | key account criteria
Customer concentration risk | 客户集中风险 | 5 | The danger of depending on a few large customers for most of the revenue. |
Key-account service system | 大客户服务体系 | 6 | A dedicated team, attention to service details, care plans, strategic support and a database for key accounts. |
Account manager | 客户经理 | 6 | The person responsible for serving one customer or a set of customers. |
Dedicated account team | 大客户服务团队 | 6 | A named person or team that serves an important key account for the long term. |
Three dedications (Lenovo) | 三专(专有、专注、专家) | 6 | Lenovo's key-account service: dedicated resources, focus on the customer's success, expert staff. | three dedications
One-to-one exclusive service | 一对一专属服务 | 6 | Service with long-term commitment, tailor-made solutions and fast response for one account. |
Priority system (PAS) | 优先权系统 | 6 | Nippon Paint's priorities in product, applicability and service for its strategic clients. | PAS
Service tier | 服务等级 | 6 | A level of service (e.g. basic, enhanced, premium) matched to a customer's grade. | service level
Service-level agreement (SLA) | 服务水平协议 | 6 | A written promise of response and resolution times for a customer. | SLA
Customer-care plan | 客户关怀计划 | 6 | Planned care actions for individual customers and for groups of customers. | care plan
Customer club | 客户俱乐部 | 6; 8 | A membership community that gives customers benefits and a sense of belonging. |
Frequent flyer | 常旅客 | 6 | An airline loyalty membership based on miles flown. |
Co-branded card | 联名卡 | 6 | A credit card issued jointly by a bank and a partner brand. |
Cross-industry marketing | 跨界营销 | 6 | Joint marketing by firms from different industries. |
Customer information database | 客户信息库 | 6 | The central store of customer profiles and contact history. | customer database
Key-account information card | 大客户资料卡 | 6 | A record of a key account's profile and of each contact with its agreed next step. | account card; KA card
Next-step plan | 下一步计划 | 6 | The follow-up action agreed at the end of a contact with a key account. |
Promised callback | 承诺回访 | 6 | A date by which the firm has promised to get back to the customer. | callback
Regular follow-up visits | 定期沟通与回访 | 6; 8 | Planned calls and visits that keep the relationship active. | follow-up
Direct selling | 直销 | 6 | Selling to customers without intermediaries, as in Dell's model. |
Inside / field sales staff | 内勤/外勤销售人员 | 6 | Office-based staff who care for accounts by phone, and staff who meet customers face to face. | inside sales; field sales
Customer satisfaction | 客户满意 | 7 | A feeling that comes from comparing the performance a customer perceives with what they expected. | satisfaction; CSAT
Expectation disconfirmation | 期望不一致 | 7 | The gap between perceived performance and expectation: positive delights, negative disappoints. | disconfirmation; expectancy disconfirmation
Customer delivered value | 客户让渡价值 | 7 | Total customer value minus total customer cost. | delivered value
Total customer value | 客户总价值 | 7 | All the benefits a customer receives: product, service, personnel and image value. |
Total customer cost | 客户总成本 | 7 | All the costs a customer bears: money, time, energy and psychological cost. |
Expected service | 期望服务 | 7 | The level of service the customer anticipates. |
Perceived service | 感知服务 | 7 | The level of service the customer feels was delivered. |
Customer expectation | 客户期望值 | 7 | The anticipated level, formed by past experience, word of mouth and personal needs. | expectation
Expectation inflation | 超期望价值退化为基本价值 | 7 | What once exceeded expectations becomes the standard that everybody expects. |
Psychological needs | 心理需求 | 7 | Emotional, security and respect needs beyond the functional benefit. |
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
Customer loyalty | 客户忠诚 | 8 | A customer's continued commitment to buy from and support the firm. | loyalty
Behavioural loyalty | 行为忠诚 | 8 | Loyalty shown in actual repeat purchasing. | behavioral loyalty
Intentional loyalty | 意识忠诚 | 8 | Loyalty shown in the intention to buy again. |
Emotional loyalty | 情感忠诚 | 8 | A positive attitude to the firm, including recommending it to others. | attitudinal loyalty
Loyalty types | 忠诚类型 | 8 | The three kinds of loyalty the course uses (after Jill Griffin): behavioural, intentional and emotional. | types of loyalty
Loyalty matrix | 忠诚矩阵 | 8 | Four kinds of loyalty from repeat buying and relative attachment: no loyalty, inertia, latent and premium loyalty (Dick and Basu). | Dick and Basu
Satisfaction-loyalty gap | 满意与忠诚差距 | 8 | Satisfied customers who still leave: the difference between the satisfaction rate and the repurchase rate. |
Bain paradox | 贝恩悖论 | 8 | Bain's finding that 65-85% of customers who defect say they were satisfied. | satisfaction trap
Customer retention | 留住老客户 | 8; 9 | Keeping existing customers, which usually costs far less than winning new ones. | retention
Customer reward programme | 客户奖励计划 | 8 | Points, coupons or membership levels that reward repeat buying. | loyalty programme; loyalty program; reward program
Value return | 价值回报 | 8 | Giving part of the profit back to customers to make loyal customers more loyal. |
Switching cost | 转换成本 | 8 | The one-off cost a customer bears to change supplier: retraining, new parts, new processes, risk. | switching costs
Price sensitivity | 价格敏感性 | 4; 8 | How strongly a customer's demand reacts to price; lower when switching costs are high. | price elasticity
Purchasing risk | 采购风险 | 8 | The risks of choosing a supplier: price, quality, supply, capacity, service and misconduct. |
Organisational vs personal risk | 组织风险与个人风险 | 8 | The risk to the buying firm versus the risk to the person who made the choice. |
Brand switcher | 品牌转换者 | 8 | A customer who moves to another brand. |
Repurchase rate | 再购率 | 8 | The share of customers who buy again. | repeat purchase rate
Repurchase intent | 再购意向 | 8 | A customer's stated intention to buy again. | purchase intention
Price competition | 价格竞争 | 8 | Competing mainly by lower prices; easy to copy and not lasting. |
Year-end rebate | 年终返利 | 8 | A rebate paid at the end of the year that rewards volume and raises switching cost. | rebate
Technical barrier | 技术壁垒 | 8 | Specifications or know-how that keep competitors out. |
Trust | 信任 | 8 | The customer's confidence that the supplier will act reliably and in its interest. |
Chinese-style relationship marketing | 中国式关系营销 | 8; 9 | Building personal and organisational trust and serving both kinds of interest. |
Relationship development stages | 客户关系发展阶段 | 9 | The development, initial, stable and strategic cooperation stages, defined by share of purchases. | relationship stages
Share of wallet (share of purchases) | 采购份额 | 9 | The supplier's share of a customer's total purchases in a category. | share of wallet; SOW; share of purchases
Customer development stage | 客户开发阶段 | 9 | No business yet; the goal is to win the first order. | development stage
Initial cooperation stage | 初期合作阶段 | 9 | The supplier is a secondary supplier with less than 50% of the customer's purchases. | initial stage
Stable cooperation stage | 稳定合作阶段 | 9 | The supplier is the main supplier with 50-80% of the customer's purchases. | stable stage
Strategic cooperation stage | 战略合作阶段 | 9 | The supplier is the strategic supplier with 80-100% of the customer's purchases. | strategic stage
Candidate / secondary supplier | 候选/次要供应商 | 9 | A supplier holding only a minor share of the customer's purchases. | secondary supplier
Main supplier | 主要供应商 | 9 | The supplier holding the largest share of the customer's purchases. |
Entry point | 切入点 | 9 | An event that opens the way into a new account, such as a new product or a supplier review. |
Key person | 关键人 | 9 | The person with the most influence on a purchase decision. |
Insider / internal supporter | 内线 | 9 | A contact inside the customer who shares information and supports the supplier. | insider
Relationship network | 关系网 | 9 | Contacts at several levels and departments of the customer's organisation. |
Point-to-point contact | 点对点接触 | 9 | Contact only between one salesperson and one buyer; fragile. |
High-level selling | 高层销售 | 9 | Selling and building relationships at executive level. |
Strategic complementarity | 战略互补 | 9 | Combining two firms' resources into a joint core competence. |
Bilateral lock-in | 双边锁定 | 9 | Binding both sides through capital, equity and profit sharing. | lock-in
High-level coordination | 高层协调 | 9 | Regular executive visits and team selling between the two firms. |
Team selling | 团队销售 | 6; 9 | Selling by a cross-functional team rather than by one salesperson. |
Relationship regression / termination | 客户关系倒退/中断 | 9 | A relationship falling back a stage or ending. | relationship regression
Force majeure | 不可抗力 | 9 | Causes outside the supplier's control, such as the customer leaving the product line. |
Commercial bribery | 商业贿赂 | 8; 9 | Illegal payments to win business; a crime, discussed as an ethics issue. | bribery
Early warning | 事前监控预警 | 9 | Watching each account's transactions to spot relationship risk before it is too late. | early-warning system
In-process control | 事中控制与协调 | 9 | Acting on an alarm to stop the relationship getting worse. |
Ex-post rescue | 事后挽救及补救 | 9 | Trying to win back a lost relationship and fixing the causes. |
Customer win-back | 客户挽回 | 9 | Actions to regain a lost or declining customer. | win-back; winback
Churn | 客户流失 | 9 | A customer ending the relationship: cancelling a contract or simply no longer buying. | attrition; defection; customer churn
Churn rate | 客户流失率 | 1; 9 | The share of customers at the start of a period who are lost during it. | attrition rate; defection rate
Retention rate | 客户保持率 | 2; 9 | The share of customers at the start of a period who are still customers at its end (1 - churn rate). | customer retention rate
Survival curve | 生存曲线 | 9 | The share of a starting group of customers still active after each period. | survival function
Contractual setting | 契约型情境 | 9 | A business where customers must cancel to leave (subscriptions), so churn is observed. | contractual
Non-contractual setting | 非契约型情境 | 9 | A business where customers can stop buying without notice (retail, B2B orders), so churn is hidden. | non-contractual; noncontractual
Cohort | 同期群 | 9 | A group of customers who started in the same period, followed over time. | acquisition cohort
Cohort analysis | 同期群分析 | 9 | Comparing retention or revenue of cohorts period by period, in a cohort table. | cohort table; retention table
Customer lifetime value (CLV) | 客户生命周期价值 | 2; 9 | The value a customer brings over the whole relationship: past value plus expected future value, usually discounted. | CLV; LTV; CLTV; lifetime value
Discount rate | 贴现率 | 9 | The yearly rate used to turn future money into today's value. |
Simple CLV formula | 简单CLV公式 | 9 | CLV = margin x r / (1 + d - r) for yearly margin, retention rate r and discount rate d, with an infinite horizon. | simple CLV
Shifted-beta-geometric model (sBG) | 移位贝塔几何模型 | 9 | A contractual churn model: each customer has a constant churn probability, and these probabilities vary by a beta distribution. | sBG; shifted beta geometric
BG/NBD model | BG/NBD模型 | 9 | A non-contractual model: customers buy at Poisson rates while alive and may drop out after each purchase; predicts future transactions. | BG/NBD; BGNBD; beta-geometric/negative binomial distribution
Pareto/NBD model | Pareto/NBD模型 | 9 | The forerunner of BG/NBD, in which dropout can happen at any time. | Pareto/NBD
Gamma-Gamma model | Gamma-Gamma模型 | 9 | Models each customer's average order value; combined with BG/NBD it gives a monetary CLV. | Gamma-Gamma; gamma gamma
Probability alive | 存活概率; 活跃概率 | 9 | The model's probability that a customer has not yet silently churned, given their purchase history. | P(alive); p alive; probability of being alive
Expected future transactions | 预期未来交易次数 | 9 | The number of purchases a model predicts for a customer in a future period. | predicted purchases
Calibration and holdout periods | 校准期与验证期 | 9 | Fitting a model on earlier data and checking its predictions on the later period. | holdout; calibration period
Relationship stage by share | 按份额划分关系阶段 | 9 | Assigning a customer to a stage from the supplier's share of its purchases. |
Most valuable customer | 最有价值客户 | 9 | A highest-value customer, given special, personalised treatment. | MVC
Growth-potential customer | 最具成长性客户 | 9 | A customer with strong prospects of growing. | growth customer
Negative-value customer | 负值客户 | 9 | A customer whose cost exceeds its value. | negative value
Pre-churn customer | 预流失客户 | 9 | A customer showing signs of leaving. | at-risk customer
ARPU | 每用户平均收入 | 9 | Average revenue per user per period. | average revenue per user
Customer information integration | 整合客户信息 | 9 | Unifying customer data from all touchpoints and channels. |
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


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).casefold().strip()
    return " ".join(text.replace("-", " ").replace("_", " ").split())


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


def lookup(term: str) -> Term | None:
    """Find a glossary entry by its English or Chinese name, an abbreviation or a part of a name.

    Case, spaces and hyphens do not matter. Returns None when nothing matches.

    Examples
    --------
    >>> lookup("rfm").english
    'RFM analysis'
    >>> lookup("Silhouette").chinese
    '轮廓系数'
    >>> lookup("流失率").english
    'Churn rate'
    """
    if not isinstance(term, str) or not term.strip():
        return None
    key = _norm(term)
    index = _index()
    if key in index:
        return index[key]
    cjk = any(unicodedata.east_asian_width(ch) in "WF" for ch in key)
    if len(key) < (2 if cjk else 3):
        return None
    # a part of a name: prefer names that start with the query, then the shortest name
    hits = [(not name.startswith(key), len(name), name) for name in index if key in name]
    if hits:
        return index[min(hits)[2]]
    # the query contains a whole name (e.g. "the Gini coefficient of revenue")
    hits = [(-len(name), name) for name in index if len(name) >= 6 and name in key]
    if hits:
        return index[min(hits)[1]]
    return None


def suggest(term: str, n: int = 5) -> list[str]:
    """Close matches for a term that was not found (English names, for a helpful message).

    >>> suggest("sillhouette")[0]
    'Silhouette coefficient'
    """
    key = _norm(term)
    index = _index()
    close = difflib.get_close_matches(key, list(index), n=n * 3, cutoff=0.7)
    out: list[str] = []
    for name in close:
        english = index[name].english
        if english not in out:
            out.append(english)
    return out[:n]


class KeyTermsTable:
    """A key-terms table that shows as a table in a notebook and as text when printed."""

    def __init__(self, chapter: int, entries: list[Term]):
        self.chapter = chapter
        self.entries = entries

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
        return f"Key terms, chapter {self.chapter}:\n{self}"


def key_terms_table(chapter: int, terms: Iterable[str] | None = None) -> KeyTermsTable:
    """The key-terms table for a chapter notebook (English, 中文, one line each).

    Parameters
    ----------
    chapter : int
        The chapter (0-9).
    terms : iterable of str, optional
        The terms to show, in this order (English or Chinese names, or aliases). By default all
        terms of the chapter, in glossary order.

    Returns
    -------
    KeyTermsTable
        Renders as a table in a notebook (``_repr_markdown_``/``_repr_html_``), prints as text;
        ``.data`` is a DataFrame.

    Raises
    ------
    ValueError
        If the chapter is not 0-9 or a named term is not in the glossary (with suggestions).

    Examples
    --------
    >>> table = key_terms_table(4, ["RFM", "Gini coefficient"])
    >>> print(table)
    RFM analysis · RFM分析: Scores customers on Recency, Frequency and Monetary value of their purchases to grade and target them.
    Gini coefficient · 基尼系数: Twice the area between the diagonal and the Lorenz curve: 0 when every customer is worth the same, close to 1 when one customer is worth everything.
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
    return KeyTermsTable(chapter, entries)
