export const transfer = {
  title: 'Trao đổi dữ liệu',
  errors: {
    broken:
      'Tệp gói dữ liệu bị hỏng (nội dung không đúng định dạng). Chưa có gì được nhập; hãy xin nơi gửi tạo lại gói.',
    truncated:
      'Tệp gói dữ liệu bị thiếu phần cuối (có thể chép chưa xong hoặc USB bị rút giữa chừng). Chưa có gì được nhập; hãy chép lại tệp.',
    notPackage: 'Tệp đã chọn không phải gói dữ liệu của ứng dụng. Chưa có gì được nhập.',
    newer:
      'Gói dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng ({{version}}). Hãy cài phiên bản mới nhất rồi nhận lại; chưa có gì được nhập.',
    ownPackage: 'Đây là gói dữ liệu do chính cơ quan này tạo ra; không cần nhận lại. Chưa có gì được nhập.',
    unknownTable: 'Gói dữ liệu chứa loại dữ liệu không rõ ({{table}}). Chưa có gì được nhập.',
    badValue:
      'Gói dữ liệu có giá trị không hợp lệ (bảng {{table}}, cột {{column}}): có thể tệp đã bị sửa. Chưa có gì được nhập.',
    missingReference:
      'Gói dữ liệu nhắc đến bản ghi không có trong gói cũng như trên máy này (bảng {{table}}, cột {{column}}). Hãy xin nơi gửi tạo gói "toàn bộ dữ liệu". Chưa có gì được nhập.',
    forgedId:
      'Gói dữ liệu có mã bản ghi trùng với một bản ghi khác loại trên máy này ({{table}} / {{other}}): tệp có thể đã bị làm giả. Chưa có gì được nhập.',
    sessionExpired: 'Phiên nhận gói dữ liệu đã hết hạn hoặc đã được nhập. Hãy chọn lại tệp.',
    conflictClosed: 'Xung đột này đã được giải quyết trước đó.',
    unknownOffice: 'Không tìm thấy cơ quan nhận trong danh sách các nơi đã trao đổi. Hãy chọn lại.',
    notPackageFile: {
      backup:
        'Tệp {{file}} là bản sao lưu, không phải gói trao đổi dữ liệu. Bản sao lưu được khôi phục ở Cài đặt → Sao lưu và khôi phục. Chưa có gì được nhập.',
      sqlite: 'Tệp {{file}} là một tệp cơ sở dữ liệu, không phải gói trao đổi dữ liệu (.klkgoi). Chưa có gì được nhập.',
      docx: 'Tệp {{file}} là văn bản Word, không phải gói trao đổi dữ liệu. Hãy chọn tệp .klkgoi. Chưa có gì được nhập.',
      xlsx: 'Tệp {{file}} là bảng tính Excel, không phải gói trao đổi dữ liệu. Danh sách đơn vị từ Excel được nhập ở trang Đơn vị. Chưa có gì được nhập.',
      zip: 'Tệp {{file}} là tệp nén (.zip), không phải gói trao đổi dữ liệu. Hãy giải nén rồi chọn tệp .klkgoi bên trong. Chưa có gì được nhập.',
      pdf: 'Tệp {{file}} là tệp PDF, không phải gói trao đổi dữ liệu. Hãy chọn tệp .klkgoi. Chưa có gì được nhập.',
      office97:
        'Tệp {{file}} là tài liệu Word hoặc Excel đời cũ, không phải gói trao đổi dữ liệu. Hãy chọn tệp .klkgoi. Chưa có gì được nhập.',
      empty:
        'Tệp {{file}} trống (0 byte): có thể việc chép tệp chưa xong hoặc USB bị rút giữa chừng. Chưa có gì được nhập.',
      unknown:
        'Tệp {{file}} không phải gói trao đổi dữ liệu của Kiểm tra KLKCHC. Hãy chọn tệp .klkgoi. Chưa có gì được nhập.',
    },
    brokenRule:
      'Gói dữ liệu có bản ghi trái quy tắc của dữ liệu trên máy này (có thể tệp đã bị sửa hoặc do phiên bản khác tạo ra). Chưa có gì được nhập; hãy xin nơi gửi tạo lại gói.',
    recipientNeeded: 'Hãy chọn cơ quan nhận để gửi "những gì thay đổi kể từ lần trao đổi trước".',
  },
  tables: {
    units: 'Đơn vị',
    officials: 'Cán bộ',
    checklists: 'Bộ tiêu chí',
    checklist_versions: 'Phiên bản bộ tiêu chí',
    checklist_groups: 'Nhóm tiêu chí',
    checklist_criteria: 'Tiêu chí',
    plans: 'Kế hoạch',
    plan_units: 'Phạm vi kế hoạch',
    plan_members: 'Thành viên đoàn',
    inspections: 'Cuộc kiểm tra',
    audit_log: 'Lịch sử thay đổi',
    minutes_numbers: 'Số biên bản',
    unit_links: 'Gộp đơn vị trùng',
  },
};
